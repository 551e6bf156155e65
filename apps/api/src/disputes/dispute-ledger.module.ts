import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PeaceOfficersModule } from '../peace-officers/peace-officers.module';
import { DisputeStatisticsService } from '../statistics/dispute-statistics.service';
import { DisputeAgreementService } from './dispute-agreement.service';
import { DisputeController } from './dispute.controller';
import { DisputeExcelService } from './dispute-excel.service';
import { DisputeRepository } from './dispute.repository';
import { DisputeService } from './dispute.service';

/** The dispute mediation ledger with its agreement documents, Excel layout and figures. */
@Module({
  imports: [PeaceOfficersModule, NotificationsModule],
  controllers: [DisputeController],
  providers: [DisputeRepository, DisputeService, DisputeAgreementService, DisputeExcelService, DisputeStatisticsService],
  exports: [DisputeStatisticsService],
})
export class DisputeLedgerModule {}
