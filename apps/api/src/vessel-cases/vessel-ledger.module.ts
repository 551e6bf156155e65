import { Module } from '@nestjs/common';
import { CampaignController } from '../campaigns/campaign.controller';
import { CampaignService } from '../campaigns/campaign.service';
import { CertificateController } from '../certificates/certificate.controller';
import { CertificateService } from '../certificates/certificate.service';
import { VesselStatisticsService } from '../statistics/vessel-statistics.service';
import { VesselCaseController } from './vessel-case.controller';
import { VesselCaseRepository } from './vessel-case.repository';
import { VesselCaseService } from './vessel-case.service';
import { VesselEvidence } from './vessel-evidence';
import { VesselExcelService } from './vessel-excel.service';

/** The three-no vessel ledger with its campaigns, the enforcement certificates and the vessel figures (served by the statistics module). */
@Module({
  controllers: [VesselCaseController, CampaignController, CertificateController],
  providers: [VesselCaseRepository, VesselCaseService, VesselEvidence, VesselExcelService, CampaignService, CertificateService, VesselStatisticsService],
  exports: [VesselStatisticsService],
})
export class VesselLedgerModule {}
