import { Module } from '@nestjs/common';
import { CampaignController } from './campaigns/campaign.controller';
import { CampaignRepository } from './campaigns/campaign.repository';
import { CampaignService } from './campaigns/campaign.service';
import { CertificateController } from './certificates/certificate.controller';
import { CertificateRepository } from './certificates/certificate.repository';
import { CertificateService } from './certificates/certificate.service';
import { VesselCaseController } from './vessel-case.controller';
import { VesselCaseRepository } from './vessel-case.repository';
import { VesselCaseService } from './vessel-case.service';
import { VesselExcelService } from './vessel-excel.service';
import { VesselStatisticsService } from './vessel-statistics.service';

/** The three-no vessel ledger with its campaigns, the enforcement certificates and the vessel figures. */
@Module({
  controllers: [VesselCaseController, CampaignController, CertificateController],
  providers: [VesselCaseRepository, VesselCaseService, VesselExcelService, CampaignRepository, CampaignService, CertificateRepository, CertificateService, VesselStatisticsService],
})
export class VesselLedgerModule {}
