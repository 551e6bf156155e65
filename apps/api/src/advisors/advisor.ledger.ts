import { ADVISOR_FIGURES, ADVISOR_HOURS_DEADLINE_KIND, ADVISOR_SERVICE_STATUS_LABELS, ADVISOR_SERVICE_TRANSITIONS, LEDGER_NUMBER_LABELS } from '@fazhi/contracts';
import { defineLedger } from '../ledger-core/kit/ledger';
import { AdvisorLedgerModule } from './advisor-ledger.module';
import { AdvisorAssignmentEntity, AdvisorEntity, AdvisorMonthCheckEntity, AdvisorServiceEntity, AdvisorServiceListEntity, AdvisorVillageEntity } from './advisor.entities';
import { AdvisorStatisticsController } from './advisor-statistics.service';
import { AdvisorLedger1764600000000 } from './migrations/1764600000000-AdvisorLedger';
import { AdvisorRegisters1764610000000 } from './migrations/1764610000000-AdvisorRegisters';

/** The village legal advisors' ledger (一村(社区)一法律顾问台账) with its advisor and village registers. */
export const ADVISOR_LEDGER = defineLedger({
  key: 'advisor-service',
  module: AdvisorLedgerModule,
  entities: [AdvisorServiceEntity, AdvisorEntity, AdvisorAssignmentEntity, AdvisorVillageEntity, AdvisorMonthCheckEntity, AdvisorServiceListEntity],
  migrations: [AdvisorLedger1764600000000, AdvisorRegisters1764610000000],
  numberLabel: LEDGER_NUMBER_LABELS['advisor-service'],
  deadlineKinds: [ADVISOR_HOURS_DEADLINE_KIND],
  figures: ADVISOR_FIGURES,
  statistics: AdvisorStatisticsController,
  workflow: { table: ADVISOR_SERVICE_TRANSITIONS, labels: ADVISOR_SERVICE_STATUS_LABELS },
});
