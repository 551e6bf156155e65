import { entityOf, field, personal } from '../../src/ledger-core/kit/fields';
import { LedgerRecordEntity, RecordPartEntity } from '../../src/ledger-core/ledger-record.entity';

/** A publicity event (普法活动), the smallest ledger record: a title, the day it was held and its audience. */
export const EVENT_FIELDS = {
  title: field.text(200).required(),
  heldOn: field.date(),
  audience: field.int(0, 100000).withDefault(0),
  remark: field.text(500),
};
export const FixtureEventEntity = entityOf('fixture_event', 'FixtureEventEntity', LedgerRecordEntity, EVENT_FIELDS, {
  indexes: [['ux_fixture_event_number', ['townId', 'number'], { unique: true }]],
});
export type FixtureEventEntity = InstanceType<typeof FixtureEventEntity>;

/** A guest of an event (嘉宾), the fixture's part: a name and phone kept as personal data, and a topic. */
export const GUEST_FIELDS = {
  eventId: field.uuid().required(),
  ...personal('name', { required: true }),
  ...personal('phone'),
  topic: field.text(200).required(),
  sortOrder: field.int(0, 100000).withDefault(0),
};
export const FixtureGuestEntity = entityOf('fixture_event_guest', 'FixtureGuestEntity', RecordPartEntity, GUEST_FIELDS);
