import { DISPUTE_FIGURES, DISPUTE_STATUS_LABELS, DISPUTE_TRANSITIONS, LEDGER_NUMBER_LABELS, MEDIATION_DEADLINE_KIND } from '@fazhi/contracts';
import { defineLedger } from '../ledger-core/kit/ledger';
import { DisputeLedgerModule } from './dispute-ledger.module';
import { DisputeEntity, DisputeFollowUpEntity, DisputePartyEntity, DisputeSessionEntity } from './dispute.entities';
import { DisputeStatisticsController } from './dispute-statistics.service';
import { PeaceOfficerEntity } from './peace-officers/peace-officer.entity';

/** The dispute mediation ledger (矛盾纠纷排查化解台账) and its peace officer register. */
export const DISPUTE_LEDGER = defineLedger({
  key: 'dispute',
  module: DisputeLedgerModule,
  entities: [PeaceOfficerEntity, DisputeEntity, DisputePartyEntity, DisputeSessionEntity, DisputeFollowUpEntity],
  // Its tables came with notifications, town settings and templates in one migration, which stays in database/migrations.
  migrations: [],
  numberLabel: LEDGER_NUMBER_LABELS.dispute,
  deadlineKinds: [MEDIATION_DEADLINE_KIND],
  figures: DISPUTE_FIGURES,
  statistics: DisputeStatisticsController,
  workflow: { table: DISPUTE_TRANSITIONS, labels: DISPUTE_STATUS_LABELS },
});
