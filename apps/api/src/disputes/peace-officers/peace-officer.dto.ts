import type { PeaceOfficerInput } from '@fazhi/contracts';
import { PageQuery } from '../../common/pagination';
import { VersionDto } from '../../common/version';
import { field, inputOf, RECORD_INPUT } from '../../ledger-core/kit/fields';
import { PEACE_OFFICER_FIELDS, PEACE_OFFICER_INPUT } from './peace-officer.entity';

const OFFICER = { ...RECORD_INPUT, ...PEACE_OFFICER_FIELDS, ...PEACE_OFFICER_INPUT };
/** The fields a body writes as they are (the phone encrypted and blind-indexed); the village is checked against the town first. */
export const OFFICER_KEYS = ['name', 'phone', 'activeFrom', 'activeTo', 'userId', 'remark'] as const;

export const PeaceOfficerCreateDto = inputOf('PeaceOfficerCreateDto', OFFICER, ['townId', 'villageId', ...OFFICER_KEYS], { mode: 'create' }) satisfies new () => PeaceOfficerInput;
export type PeaceOfficerCreateDto = InstanceType<typeof PeaceOfficerCreateDto>;
export const PeaceOfficerUpdateDto = inputOf('PeaceOfficerUpdateDto', OFFICER, ['villageId', ...OFFICER_KEYS], { mode: 'patch', base: VersionDto });
export type PeaceOfficerUpdateDto = InstanceType<typeof PeaceOfficerUpdateDto>;

const QUERY = {
  townId: field.uuid(),
  villageId: field.uuid(),
  activeInYear: field.year().describe('active period overlaps the year'),
  activeOn: field.date().describe('active on this day'),
  q: field.text(50).describe('name contains'),
  phone: field.text(20).describe('exact phone'),
  userId: field.uuid(),
  sort: field.values(['name', 'village', 'activeFrom']),
};
export const PeaceOfficerListQuery = inputOf('PeaceOfficerListQuery', QUERY, Object.keys(QUERY) as (keyof typeof QUERY)[], { mode: 'query', base: PageQuery });
export type PeaceOfficerListQuery = InstanceType<typeof PeaceOfficerListQuery>;
