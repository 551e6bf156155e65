import { inMigrationOrder, LedgerDescriptor, MigrationClass } from '../../ledger-core/kit/ledger';
import { LEDGERS } from '../../ledgers';
import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Calendar1764100000000 } from './1764100000000-Calendar';
import { Deadlines1764100000001 } from './1764100000001-Deadlines';
import { Attachments1764200000000 } from './1764200000000-Attachments';
import { VesselLedger1764300000000 } from './1764300000000-VesselLedger';
import { Disputes1764400000000 } from './1764400000000-Disputes';
import { PasswordHistory1764500000000 } from './1764500000000-PasswordHistory';
import { AuditCheckpoint1764510000000 } from './1764510000000-AuditCheckpoint';
import { CalendarYears1764520000000 } from './1764520000000-CalendarYears';
import { PersonalAttachments1764540000000 } from './1764540000000-PersonalAttachments';
import { RecordLinks1764590000000 } from './1764590000000-RecordLinks';

/** The migrations of the platform, the core and the tables several ledgers share. */
const CORE_MIGRATIONS: MigrationClass[] = [
  Foundation1764000000000,
  Calendar1764100000000,
  Deadlines1764100000001,
  Attachments1764200000000,
  VesselLedger1764300000000,
  Disputes1764400000000,
  PasswordHistory1764500000000,
  AuditCheckpoint1764510000000,
  CalendarYears1764520000000,
  PersonalAttachments1764540000000,
  RecordLinks1764590000000,
];

/** Every migration in timestamp order, those of the ledgers (their descriptors) included. */
export const migrationsOf = (ledgers: readonly LedgerDescriptor[]): MigrationClass[] => inMigrationOrder([...CORE_MIGRATIONS, ...ledgers.flatMap((l) => l.migrations)]);

export const MIGRATIONS = migrationsOf(LEDGERS);
