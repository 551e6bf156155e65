import { findTransition, TransitionRule } from '@fazhi/contracts';
import { AppException, Bilingual, BilingualFieldError, forbidden, invalidFields } from '../../common/app-exception';

export interface GuardFailure {
  code: string;
  message: Bilingual;
  /** Field errors or blocking items, when the guard can name them. */
  errors?: BilingualFieldError[];
}

export type TransitionGuard<C> = (context: C) => Promise<GuardFailure | null> | GuardFailure | null;

const stateLabel = (labels: Record<string, Bilingual>, s: string) => labels[s] ?? { zh: s, en: s };

/**
 * Checks a requested step against a ledger's transition table: the step must exist from the
 * current state (409 ILLEGAL_TRANSITION naming the rule otherwise), the caller must hold its
 * permission (403), the data must carry the required fields (400), and its guard must pass (409
 * with the guard's code). Returns the rule to apply.
 */
export async function checkTransition<S extends string, C>(opts: {
  table: readonly TransitionRule<S>[];
  labels: Record<string, Bilingual>;
  from: S;
  to: string;
  permissions: ReadonlySet<string>;
  data: Record<string, unknown> | undefined;
  guards: Record<string, TransitionGuard<C>>;
  context: C;
}): Promise<TransitionRule<S>> {
  const rule = findTransition(opts.table, opts.from, opts.to as S);
  if (!rule) {
    const from = stateLabel(opts.labels, opts.from);
    const to = stateLabel(opts.labels, opts.to);
    throw new AppException(409, 'ILLEGAL_TRANSITION', {
      zh: `不能从“${from.zh}”转为“${to.zh}”`,
      en: `No step from "${from.en}" to "${to.en}"`,
    }, undefined, { rule: `${opts.from}->${opts.to}` });
  }
  if (!opts.permissions.has(rule.permission)) throw forbidden();
  const missing = (rule.requires ?? []).filter((f) => {
    const v = opts.data?.[f];
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length) {
    throw invalidFields(missing.map((f) => ({ path: `data.${f}`, code: 'required', message: { zh: '此步骤必须填写', en: 'Required for this step' } })));
  }
  if (rule.guard) {
    const guard = opts.guards[rule.guard];
    if (!guard) throw new Error(`transition guard ${rule.guard} is not implemented`);
    const failure = await guard(opts.context);
    if (failure) throw new AppException(409, failure.code, failure.message, failure.errors, { rule: `${opts.from}->${rule.to}`, guard: rule.guard });
  }
  return rule;
}
