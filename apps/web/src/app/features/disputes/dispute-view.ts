import { DISPUTE_CLOSED_STATUSES, DISPUTE_RISK_LABELS, DISPUTE_STATUS_LABELS, DisputeRiskLevel, DisputeStatus } from '@fazhi/contracts';
import { LedgerView } from '../../shared/ledger/ledger-view';

/** The dispute ledger on the web: `data-test="dispute-…"`, `/disputes`, written by `dispute.write`. */
export const DISPUTE_VIEW: LedgerView<DisputeStatus> = {
  name: 'dispute',
  path: '/disputes',
  write: 'dispute.write',
  statusLabels: DISPUTE_STATUS_LABELS,
  closed: DISPUTE_CLOSED_STATUSES,
  words: {
    title: 'disputes.title',
    subtitle: 'disputes.subtitle',
    create: 'disputes.create',
    dueText: 'disputes.deadlineDueOn',
    voidHint: 'disputes.voidHint',
    voidDone: 'disputes.voidDone',
    reopenDone: 'disputes.reopenDone',
    unmaskTitle: 'disputes.unmaskTitle',
    stepDone: 'disputes.stepDone',
    evidence: 'disputes.evidence',
  },
};

export const RISK_LEVELS = Object.keys(DISPUTE_RISK_LABELS) as DisputeRiskLevel[];
export const RISK_COLORS: Record<DisputeRiskLevel, string> = { normal: 'default', elevated: 'orange', group_incident: 'red' };
