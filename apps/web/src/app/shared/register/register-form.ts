import { DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { isValidMobile } from '@fazhi/contracts';
import { Observable } from 'rxjs';
import { TKey } from '../../core/i18n/dictionary';
import { I18nService } from '../../core/i18n/i18n.service';
import { Submission } from '../api-error-message';
import { revealErrors } from '../form-errors';
import { fromPlainDate, toPlainDate } from '../plain-date';

export type RegisterFieldKind = 'text' | 'textarea' | 'date' | 'select' | 'tags' | 'number';

export interface RegisterOption {
  value: unknown;
  label: string;
}

/** One field of a register's form. */
export interface RegisterField<T = unknown> {
  /** The row's property and the body's key. */
  name: string;
  kind: RegisterFieldKind;
  label: TKey;
  required?: boolean;
  /** The longest text (200, a textarea 2,000); the greatest number. */
  max?: number;
  min?: number;
  /** Half the row from 576 px up; otherwise the whole row. */
  half?: boolean;
  /** The choices of a select or of a tags field; read while the form shows, so signals may feed it. */
  options?: () => readonly RegisterOption[];
  /** A select whose choices can be searched. */
  search?: boolean;
  placeholder?: TKey;
  /** A hint under the field, given the row edited (null when creating). */
  extra?: TKey | ((item: T | null) => TKey | null);
  /** The field's own validators, and the message of each error key they give that the common words lack. */
  validators?: ValidatorFn[];
  problems?: Record<string, TKey>;
  /** A date not before the date field of this name (error `order`); re-checked when that one changes. */
  after?: string;
  /** Fields cleared when this one changes (the village when the town does). */
  clears?: string[];
  /** The value on create; otherwise today for a required date, nothing for the rest. */
  initial?: () => unknown;
  /** Shown and sent only on create, only on edit, or while a condition holds. */
  when?: 'create' | 'edit' | (() => boolean);
  /** Personal data the row shows masked: on edit sent only when typed anew. */
  masked?: boolean;
  inputmode?: string;
}

const isMasked = (value: unknown): boolean => typeof value === 'string' && value.includes('*');

/** A mobile or landline number; a masked one (left as it is on edit) passes, the server checks the rest. */
export function phoneNumber(control: AbstractControl<string | null>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || isMasked(value) || isValidMobile(value) ? null : { phone: true };
}

/** A date not before the sibling date control `start` (error `order`). */
export function notBefore(start: string): ValidatorFn {
  return (control) => {
    const from = toPlainDate(control.parent?.get(start)?.value as Date | null);
    const to = toPlainDate(control.value as Date | null);
    return from && to && to < from ? { order: true } : null;
  };
}

function validators(field: RegisterField<never>): ValidatorFn[] {
  const list = [...(field.validators ?? [])];
  if (field.kind === 'text' || field.kind === 'textarea') list.push(Validators.maxLength(field.max ?? (field.kind === 'textarea' ? 2000 : 200)));
  if (field.kind === 'number') list.push(Validators.min(field.min ?? 0), ...(field.max !== undefined ? [Validators.max(field.max)] : []));
  if (field.required) list.push(Validators.required, ...(field.kind === 'text' || field.kind === 'textarea' ? [Validators.pattern(/\S/)] : []));
  if (field.after) list.push(notBefore(field.after));
  return list;
}

function emptyValue(field: RegisterField<never>): unknown {
  if (field.initial) return field.initial();
  if (field.kind === 'date') return field.required ? new Date() : null;
  if (field.kind === 'tags') return [];
  return field.kind === 'text' || field.kind === 'textarea' ? '' : null;
}

/** A row's value as its control holds it. */
function controlValue(field: RegisterField<never>, value: unknown): unknown {
  if (field.kind === 'date') return fromPlainDate(value as string | null);
  if (field.kind === 'tags') return value ?? [];
  if (field.kind === 'text' || field.kind === 'textarea') return value ?? '';
  return value ?? null;
}

/** A control's value as the API takes it: texts trimmed, dates `YYYY-MM-DD`, empty optional fields null. */
function bodyValue(field: RegisterField<never>, value: unknown): unknown {
  switch (field.kind) {
    case 'date':
      return toPlainDate(value as Date | null) ?? (field.required ? '' : null);
    case 'tags':
      return (value as string[]).map((v) => v.trim()).filter(Boolean);
    case 'text':
    case 'textarea': {
      const text = (value as string).trim();
      return field.required ? text : text || null;
    }
    default:
      return value ?? null;
  }
}

/**
 * A register's form from field definitions, for creating a row or editing one with the version
 * read: the controls and their checks, the fields shown, the body sent (a 409 shows the server's
 * stale-version message above the form, field errors go on their fields). Create it in a
 * component's field initialiser.
 */
export class RegisterEditor<T extends { id: string; version: number }, B extends object = Record<string, unknown>> {
  readonly form = new FormGroup<Record<string, FormControl<unknown>>>({});
  /** The form while open: `item` is the row edited, null when creating. */
  readonly open = signal<{ item: T | null } | null>(null);
  readonly item = computed(() => this.open()?.item ?? null);
  /** The form's values as they change (for fields whose choices follow another field). */
  readonly values = signal<Record<string, unknown>>({});
  readonly submission = new Submission(inject(I18nService).t);
  /** The fields shown now. */
  readonly shown = computed(() => {
    const open = this.open();
    return open ? this.fields.filter((field) => this.visible(field, open.item)) : [];
  });

  constructor(
    readonly fields: readonly RegisterField<T>[],
    /** The register's API (or what stands for it): `create` and `update` with the version read. */
    private readonly send: { create(body: B): Observable<T>; update(id: string, body: Partial<B> & { version: number }): Observable<T> },
    /** After a successful save (the form is closed). */
    private readonly saved: (row: T, created: boolean) => void = () => undefined,
  ) {
    const destroyed = inject(DestroyRef);
    for (const field of fields) this.form.addControl(field.name, new FormControl<unknown>(emptyValue(field), validators(field)));
    for (const field of fields) {
      const changes = this.form.controls[field.name].valueChanges.pipe(takeUntilDestroyed(destroyed));
      for (const other of fields.filter((f) => f.after === field.name)) changes.subscribe(() => this.form.controls[other.name].updateValueAndValidity());
      if (field.clears) changes.subscribe(() => field.clears!.forEach((name) => this.form.controls[name].setValue(emptyValue(this.field(name)))));
    }
    this.form.valueChanges.pipe(takeUntilDestroyed(destroyed)).subscribe(() => this.values.set(this.form.getRawValue()));
  }

  /** Opens the form empty. */
  create(): void {
    this.show(null, Object.fromEntries(this.fields.map((field) => [field.name, emptyValue(field)])));
  }

  /** Opens the form with the row's values; a row read again after a refused save keeps the message (`kept`). */
  edit(item: T, kept = false): void {
    const row = item as unknown as Record<string, unknown>;
    const message = this.submission.error();
    this.show(item, Object.fromEntries(this.fields.map((field) => [field.name, controlValue(field, row[field.name])])));
    if (kept) this.submission.error.set(message);
  }

  close(): void {
    this.open.set(null);
  }

  submit(): void {
    const open = this.open();
    if (!open) return;
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const item = open.item;
    const body = this.body(item);
    const request = item ? this.send.update(item.id, { ...body, version: item.version }) : this.send.create(body as B);
    this.submission.run(
      request,
      (row) => {
        this.close();
        this.saved(row, item === null);
      },
      this.form,
    );
  }

  /** The hint under a field. */
  extra(field: RegisterField<T>): TKey | null {
    return typeof field.extra === 'function' ? field.extra(this.item()) : (field.extra ?? null);
  }

  /** The body of the fields shown; on edit a masked field is sent only when typed anew. */
  private body(item: T | null): Partial<B> {
    const body: Record<string, unknown> = {};
    for (const field of this.fields.filter((f) => this.visible(f, item))) {
      const control = this.form.controls[field.name];
      if (item && field.masked && (!control.dirty || isMasked(control.value))) continue;
      body[field.name] = bodyValue(field, control.value);
    }
    return body as Partial<B>;
  }

  private show(item: T | null, values: Record<string, unknown>): void {
    for (const field of this.fields) {
      const control = this.form.controls[field.name];
      if (this.visible(field, item)) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
    }
    this.form.reset(values, { emitEvent: false });
    this.values.set(this.form.getRawValue());
    this.submission.error.set(null);
    this.open.set({ item });
  }

  private visible(field: RegisterField<T>, item: T | null): boolean {
    if (field.when === 'create') return item === null;
    if (field.when === 'edit') return item !== null;
    return field.when ? field.when() : true;
  }

  private field(name: string): RegisterField<T> {
    return this.fields.find((f) => f.name === name)!;
  }
}
