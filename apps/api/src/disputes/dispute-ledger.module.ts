import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { DisputeAgreementService } from './dispute-agreement.service';
import { DisputeController, DisputeTemplateController } from './dispute.controller';
import { DisputeExcelService } from './dispute-excel.service';
import { DisputeHandover } from './dispute-handover';
import { DisputeRepository } from './dispute.repository';
import { DisputeService } from './dispute.service';
import { DisputeStatisticsService } from './dispute-statistics.service';
import { PeaceOfficersModule } from './peace-officers/peace-officers.module';

/** The dispute mediation ledger with its peace officer register, agreement documents, Excel layout and figures. */
@Module({
  imports: [PeaceOfficersModule, NotificationsModule],
  controllers: [DisputeTemplateController, DisputeController],
  providers: [DisputeRepository, DisputeService, DisputeAgreementService, DisputeExcelService, DisputeStatisticsService, DisputeHandover],
})
export class DisputeLedgerModule {}
