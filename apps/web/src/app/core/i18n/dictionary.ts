import { InjectionToken } from '@angular/core';

/** One part of the dictionaries (a feature's words): the same keys in Chinese and English. */
export interface I18nSlice<K extends string = string> {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/**
 * A slice of the dictionaries. The English side must have exactly the Chinese side's keys: a
 * key missing on either side, or written on one side only, fails the type check.
 */
export function i18nSlice<K extends string>(zh: Record<K, string>, en: NoInfer<Record<K, string>>): I18nSlice<K> {
  return { zh, en };
}

/** The keys of one slice, or of a union of slices. */
export type SliceKey<S> = S extends I18nSlice<infer K> ? K : never;

/**
 * Every key the app's dictionaries hold. Core cannot list them (they live in the features), so
 * the app fills this interface in where it assembles the dictionaries:
 * `declare module './core/i18n/dictionary' { interface Dictionary extends Record<AppKey, string> {} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Dictionary {}

/** A key of the dictionaries; `t()` takes only these. */
export type TKey = keyof Dictionary & string;

/** The app's dictionaries, one per language. */
export interface Dictionaries {
  readonly zh: Readonly<Record<TKey, string>>;
  readonly en: Readonly<Record<TKey, string>>;
}

/** The dictionaries I18nService reads, provided by the app (and by the unit tests' setup). */
export const I18N_DICTIONARIES = new InjectionToken<Dictionaries>('I18N_DICTIONARIES');

/** Merges slices into the two dictionaries; a key given by two slices is a mistake and throws. */
export function mergeSlices(slices: readonly I18nSlice[]): { zh: Record<string, string>; en: Record<string, string> } {
  const zh: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const slice of slices) {
    for (const key of Object.keys(slice.zh)) {
      if (Object.prototype.hasOwnProperty.call(zh, key)) throw new Error(`i18n key ${key} is defined twice`);
      zh[key] = slice.zh[key];
    }
    for (const key of Object.keys(slice.en)) {
      if (Object.prototype.hasOwnProperty.call(en, key)) throw new Error(`i18n key ${key} is defined twice`);
      en[key] = slice.en[key];
    }
  }
  return { zh, en };
}
