import { LEDGER_NUMBER_LABELS, VESSEL_FIGURES, VESSEL_STATUS_LABELS, VESSEL_TRANSITIONS } from '@fazhi/contracts';
import { VesselListIndex1764300000001 } from './migrations/1764300000001-VesselListIndex';
import { defineLedger } from '../ledger-core/kit/ledger';
import { CertificateEntity, CertificateEventEntity } from './certificates/certificate.entities';
import { CampaignEntity, VesselCaseEntity, VesselPersuasionEntity } from './vessel-case.entities';
import { NOTICE_KIND } from './vessel-case.service';
import { VesselLedgerModule } from './vessel-ledger.module';
import { VesselStatisticsController } from './vessel-statistics.service';

/** The three-no vessel ledger (涉渔“三无”船舶台账) with its destruction campaigns and the enforcement certificates. */
export const VESSEL_LEDGER = defineLedger({
  key: 'vessel-case',
  module: VesselLedgerModule,
  entities: [CampaignEntity, VesselCaseEntity, VesselPersuasionEntity, CertificateEntity, CertificateEventEntity],
  // Its tables came with the numbering and the status history in one migration, which stays in database/migrations.
  migrations: [VesselListIndex1764300000001],
  numberLabel: LEDGER_NUMBER_LABELS['vessel-case'],
  deadlineKinds: [NOTICE_KIND],
  figures: VESSEL_FIGURES,
  statistics: VesselStatisticsController,
  workflow: { table: VESSEL_TRANSITIONS, labels: VESSEL_STATUS_LABELS },
});
