import { VESSEL_CLOSED_STATUSES, VESSEL_STATUS_LABELS, VesselStatus } from '@fazhi/contracts';
import { LedgerView } from '../../shared/ledger/ledger-view';

/** The vessel ledger on the web: `data-test="vessel-…"`, `/vessels`, written by `vessel.write`. */
export const VESSEL_VIEW: LedgerView<VesselStatus> = {
  name: 'vessel',
  path: '/vessels',
  write: 'vessel.write',
  statusLabels: VESSEL_STATUS_LABELS,
  closed: VESSEL_CLOSED_STATUSES,
  words: {
    title: 'vessels.title',
    subtitle: 'vessels.subtitle',
    create: 'vessels.create',
    dueText: 'vessels.deadlineDue',
    voidHint: 'record.voidHint',
    voidDone: 'record.voidDone',
    reopenDone: 'record.reopenDone',
    unmaskTitle: 'vessels.unmaskTitle',
    stepDone: 'vessels.stepDone',
    evidence: 'evidence.title',
  },
};
