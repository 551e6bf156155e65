import { ADVISOR_SERVICE_CLOSED_STATUSES, ADVISOR_SERVICE_STATUS_LABELS, AdvisorServiceStatus } from '@fazhi/contracts';
import { LedgerView } from '../../shared/ledger/ledger-view';

/** The service log on the web: `data-test="advisor-service-…"`, `/advisors`, written by `advisor.write`. */
export const ADVISOR_SERVICE_VIEW: LedgerView<AdvisorServiceStatus> = {
  name: 'advisor-service',
  path: '/advisors',
  write: 'advisor.write',
  statusLabels: ADVISOR_SERVICE_STATUS_LABELS,
  closed: ADVISOR_SERVICE_CLOSED_STATUSES,
  words: {
    title: 'advisors.title',
    subtitle: 'advisors.subtitle',
    create: 'advisors.create',
    dueText: 'advisors.deadlineDue',
    voidHint: 'advisors.voidHint',
    voidDone: 'record.voidDone',
    reopenDone: 'record.reopenDone',
    unmaskTitle: 'advisors.unmaskTitle',
    stepDone: 'advisors.stepDone',
    evidence: 'advisors.evidence',
  },
};
