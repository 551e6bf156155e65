import type { Type } from '@nestjs/common';
import { LedgerCoreModule } from './ledger-core/ledger-core.module';
import { AttachmentsModule } from './ledger-core/attachments/attachments.module';
import { CalendarModule } from './ledger-core/calendar/calendar.module';
import { DeadlinesModule } from './ledger-core/deadlines/deadlines.module';
import { LedgerDescriptor, ledgerModules } from './ledger-core/kit/ledger';
import { VesselLedgerModule } from './vessel-cases/vessel-ledger.module';
import { NotificationsModule } from './notifications/notifications.module';
import { StatisticsModule } from './statistics/statistics.module';
import { LEDGERS } from './ledgers';

/** The ledger-core and platform feature modules, each self-contained. */
const CORE_FEATURES: Type<unknown>[] = [LedgerCoreModule, AttachmentsModule, CalendarModule, DeadlinesModule, VesselLedgerModule, NotificationsModule, StatisticsModule];

/** The feature modules with those of the ledgers (registered in `ledgers.ts`). */
export const featureModules = (ledgers: readonly LedgerDescriptor[] = LEDGERS) => [...CORE_FEATURES, ...ledgerModules(ledgers)];

export const FEATURE_MODULES = featureModules();
