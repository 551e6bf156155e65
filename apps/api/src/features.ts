import type { Type } from '@nestjs/common';
import { LedgerCoreModule } from './ledger-core/ledger-core.module';
import { AttachmentsModule } from './ledger-core/attachments/attachments.module';
import { CalendarModule } from './ledger-core/calendar/calendar.module';
import { DeadlinesModule } from './ledger-core/deadlines/deadlines.module';
import { VesselLedgerModule } from './vessel-cases/vessel-ledger.module';
import { PeaceOfficersModule } from './peace-officers/peace-officers.module';
import { NotificationsModule } from './notifications/notifications.module';
import { DisputeLedgerModule } from './disputes/dispute-ledger.module';
import { StatisticsModule } from './statistics/statistics.module';

/** The ledger-core and ledger feature modules, each self-contained. Add new ones here. */
export const FEATURE_MODULES: Type<unknown>[] = [
  LedgerCoreModule,
  AttachmentsModule,
  CalendarModule,
  DeadlinesModule,
  VesselLedgerModule,
  PeaceOfficersModule,
  NotificationsModule,
  DisputeLedgerModule,
  StatisticsModule,
];
