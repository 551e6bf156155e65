import { DISPUTE_LEDGER } from './disputes/dispute.ledger';
import type { LedgerDescriptor } from './ledger-core/kit/ledger';

/** Every ledger of the application, one line each; the central lists are built from these. */
export const LEDGERS: readonly LedgerDescriptor[] = [
  DISPUTE_LEDGER,
];
