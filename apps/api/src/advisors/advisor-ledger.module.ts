import { Module } from '@nestjs/common';
import { AdvisorCheckController, AdvisorRegisterController, AdvisorServiceController, AdvisorVillageController } from './advisor.controller';
import { AdvisorCheckService } from './advisor-check.service';
import { AdvisorDueItems } from './advisor-due';
import { AdvisorExcelService } from './advisor-excel.service';
import { AdvisorRegisterRepository } from './advisor-register.repository';
import { AdvisorRegisterService, AdvisorVillageService } from './advisor-register.service';
import { AdvisorRepository } from './advisor.repository';
import { AdvisorService } from './advisor.service';
import { AdvisorStatisticsService } from './advisor-statistics.service';

/** The village legal advisors: the service log, the monthly check, the advisor and village registers, the 台账 layout and the figures. */
@Module({
  controllers: [AdvisorServiceController, AdvisorCheckController, AdvisorRegisterController, AdvisorVillageController],
  providers: [
    AdvisorRepository,
    AdvisorRegisterRepository,
    AdvisorService,
    AdvisorRegisterService,
    AdvisorVillageService,
    AdvisorCheckService,
    AdvisorExcelService,
    AdvisorStatisticsService,
    AdvisorDueItems,
  ],
})
export class AdvisorLedgerModule {}
