import { PageQuery } from '../../src/common/pagination';
import { VersionDto } from '../../src/common/version';
import { field, inputOf, RECORD_INPUT } from '../../src/ledger-core/kit/fields';
import { EVENT_FIELDS, GUEST_FIELDS } from './fixture-event.entity';

const EVENT = { ...RECORD_INPUT, ...EVENT_FIELDS };
export const FixtureEventCreateDto = inputOf('FixtureEventCreateDto', EVENT, ['townId', 'villageId', 'title', 'audience', 'remark'], { mode: 'create' });
export type FixtureEventCreateDto = InstanceType<typeof FixtureEventCreateDto>;
export const FixtureEventUpdateDto = inputOf('FixtureEventUpdateDto', EVENT, ['title', 'audience'], { mode: 'patch', base: VersionDto });
export type FixtureEventUpdateDto = InstanceType<typeof FixtureEventUpdateDto>;

const QUERY = { townId: field.uuid(), q: field.text(100), voided: field.flag(), registeredYear: field.year(), heldYear: field.year(), unmask: field.flag() };
export const FixtureEventListQuery = inputOf('FixtureEventListQuery', QUERY, ['townId', 'q', 'voided', 'registeredYear', 'heldYear', 'unmask'], { mode: 'query', base: PageQuery });
export type FixtureEventListQuery = InstanceType<typeof FixtureEventListQuery>;

/** The data a step may carry. */
export const FixtureEventStepData = inputOf('FixtureEventStepData', EVENT_FIELDS, ['heldOn'], { mode: 'step' });
export type FixtureEventStepData = InstanceType<typeof FixtureEventStepData>;

/** A guest as added (the record's version read with it), and a guest's fields to change: the name and phone are personal data, stored encrypted. */
const GUEST = { name: field.text(50).required(), phone: field.text(20), topic: GUEST_FIELDS.topic };
export const FixtureGuestDto = inputOf('FixtureGuestDto', GUEST, ['name', 'phone', 'topic'], { mode: 'create', base: VersionDto });
export type FixtureGuestDto = InstanceType<typeof FixtureGuestDto>;
export const FixtureGuestUpdateDto = inputOf('FixtureGuestUpdateDto', GUEST, ['name', 'phone', 'topic'], { mode: 'patch', base: VersionDto });
export type FixtureGuestUpdateDto = InstanceType<typeof FixtureGuestUpdateDto>;
