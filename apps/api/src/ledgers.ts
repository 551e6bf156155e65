import { ADVISOR_LEDGER } from './advisors/advisor.ledger';
import { DISPUTE_LEDGER } from './disputes/dispute.ledger';
import type { LedgerDescriptor } from './ledger-core/kit/ledger';
import { VESSEL_LEDGER } from './vessel-cases/vessel-case.ledger';

/** Every ledger of the application, one line each; the central lists are built from these. */
export const LEDGERS: readonly LedgerDescriptor[] = [VESSEL_LEDGER, DISPUTE_LEDGER, ADVISOR_LEDGER];
