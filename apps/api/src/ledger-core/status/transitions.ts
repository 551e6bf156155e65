import { ErrorCode, findTransition, plainDateInZone, TransitionRule } from '@fazhi/contracts';
import { AppException, Bilingual, BilingualFieldError, forbidden, invalidFields, staleVersion } from '../../common/app-exception';
import { recordVoid } from '../records';
import { validateStepData } from '../step-data';

export interface GuardFailure {
  code: ErrorCode;
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
async function checkTransition<S extends string, C>(opts: {
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
    throw new AppException(
      409,
      'ILLEGAL_TRANSITION',
      {
        zh: `不能从“${from.zh}”转为“${to.zh}”`,
        en: `No step from "${from.en}" to "${to.en}"`,
      },
      undefined,
      { rule: `${opts.from}->${opts.to}` },
    );
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

/** A ledger's workflow: its transition table, state labels, the class of its step data and its guards. */
export interface Workflow<S extends string, D extends object, C> {
  table: readonly TransitionRule<S>[];
  labels: Record<string, Bilingual>;
  stepData: new () => D;
  guards: Record<string, TransitionGuard<C>>;
}

/**
 * Opens one step of `workflow` on a record the caller has loaded and locked: a voided record or a
 * stale version answers 409, the step data is validated (400 naming the field), then the rule is
 * checked as `checkTransition` says, its guard given the context `context(data, today)` builds
 * (today in the record's town). Answers the rule with the validated data and today.
 */
export async function openStep<S extends string, D extends object, C>(
  workflow: Workflow<S, D, C>,
  o: {
    row: { status: string; version: number; voidedAt: Date | null; timeZone: string };
    request: { to: string; version: number; data?: Record<string, unknown> };
    permissions: ReadonlySet<string>;
    now: Date;
    context: (data: D, today: string) => C;
  },
): Promise<{ rule: TransitionRule<S>; data: D; today: string }> {
  if (o.row.voidedAt) throw recordVoid();
  if (o.row.version !== o.request.version) throw staleVersion();
  const data = await validateStepData(workflow.stepData, o.request.data);
  const today = plainDateInZone(o.now, o.row.timeZone);
  const rule = await checkTransition<S, C>({
    table: workflow.table,
    labels: workflow.labels,
    from: o.row.status as S,
    to: o.request.to,
    permissions: o.permissions,
    data: o.request.data,
    guards: workflow.guards,
    context: o.context(data, today),
  });
  return { rule, data, today };
}
