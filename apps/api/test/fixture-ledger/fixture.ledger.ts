import { defineLedger } from '../../src/ledger-core/kit/ledger';
import { FixtureLedgerModule } from './fixture-event.controller';
import { FixtureEventEntity, FixtureGuestEntity } from './fixture-event.entity';
import { FixtureEvents1799000000000 } from './fixture-event.migration';
import { FixtureSpeakerEntity, FixtureSpeakers1799000000001, FixtureSpeakerVillageEntity } from './fixture-speaker.register';
import { FIXTURE_FIGURES, FIXTURE_LABELS, FIXTURE_TRANSITIONS, FixtureEventStatisticsController } from './fixture-event.service';

/** A small ledger registered only by the kit's test: publicity events (普法活动). */
export const FIXTURE_LEDGER = defineLedger({
  key: 'publicity-event',
  module: FixtureLedgerModule,
  entities: [FixtureEventEntity, FixtureGuestEntity, FixtureSpeakerEntity, FixtureSpeakerVillageEntity],
  migrations: [FixtureEvents1799000000000, FixtureSpeakers1799000000001],
  numberLabel: '普法',
  deadlineKinds: [],
  figures: FIXTURE_FIGURES,
  statistics: FixtureEventStatisticsController,
  workflow: { table: FIXTURE_TRANSITIONS, labels: FIXTURE_LABELS },
});
