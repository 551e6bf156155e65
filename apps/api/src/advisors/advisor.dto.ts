import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ADVISOR_SERVICE_SORTS, ADVISOR_SERVICE_TYPES } from '@fazhi/contracts';
import type {
  AdvisorHandoverInput,
  AdvisorReopenMonthInput,
  AdvisorServiceInput,
  AdvisorServiceListQuery as AdvisorServiceFilters,
  AdvisorServiceType,
  AdvisorSignOffInput,
  AdvisorVillageInput,
  AdvisorVillageListQuery as AdvisorVillageFilters,
} from '@fazhi/contracts';
import { PageQuery } from '../common/pagination';
import { VersionDto } from '../common/version';
import { Field, field, inputOf, RECORD_INPUT } from '../ledger-core/kit/fields';
import { UnmaskBody } from '../ledger-core/kit/register-entity';
import { ADVISOR_FIELDS, ASSIGNMENT_FIELDS, MONTH_CHECK_FIELDS, SERVICE_FIELDS, VILLAGE_FIELDS } from './advisor.entities';

/* ---------- the service log ---------- */

const S = {
  ...RECORD_INPUT,
  ...SERVICE_FIELDS,
  villageId: RECORD_INPUT.villageId.required(),
  advisorId: SERVICE_FIELDS.advisorId.describe('staff logging for an advisor; an advisor’s own account logs as itself'),
  /** The client's personal fields as given; stored encrypted (`*Enc`) with a blind index (`*Idx`). */
  clientName: field.text(50),
  clientPhone: field.text(20),
};
/** The entry's fields an edit may change (all but the town and the advisor), in the form's order. */
export const ENTRY = ['villageId', 'type', 'serviceDate', 'startTime', 'endTime', 'clientName', 'clientPhone', 'content', 'result', 'attendees', 'remark'] as const;

export const AdvisorServiceCreateDto = inputOf('AdvisorServiceCreateDto', S, ['townId', 'villageId', 'advisorId', ...ENTRY.slice(1)], { mode: 'create' }) satisfies new () => AdvisorServiceInput;
export type AdvisorServiceCreateDto = InstanceType<typeof AdvisorServiceCreateDto>;

export const AdvisorServiceUpdateDto = inputOf('AdvisorServiceUpdateDto', S, ENTRY, { mode: 'patch', base: VersionDto });
export type AdvisorServiceUpdateDto = InstanceType<typeof AdvisorServiceUpdateDto>;

const QUERY = {
  townId: field.uuid(),
  villageId: field.uuid(),
  advisorId: field.uuid(),
  type: field.csv<AdvisorServiceType>(ADVISOR_SERVICE_TYPES).describe('comma-separated types'),
  from: field.date().describe('service date on or after'),
  to: field.date().describe('service date on or before'),
  year: field.year(),
  month: field.month(),
  handedOver: field.flag(),
  legalAidReferral: field.values(['true']).describe('an entry of type legal_aid or a consultation referred to legal aid'),
  q: field.text(100).describe('number, content or result'),
  clientName: field.text(50).describe('a client’s exact name'),
  clientPhone: field.text(20).describe('a client’s exact phone'),
  voided: field.flag(),
  sort: field.values(ADVISOR_SERVICE_SORTS),
  order: field.values(['asc', 'desc']),
};
export const AdvisorServiceListQuery = inputOf('AdvisorServiceListQuery', QUERY, Object.keys(QUERY) as (keyof typeof QUERY)[], {
  mode: 'query',
  base: PageQuery,
}) satisfies new () => AdvisorServiceFilters;
export type AdvisorServiceListQuery = InstanceType<typeof AdvisorServiceListQuery>;

export class AdvisorServiceExportQuery extends AdvisorServiceListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'full personal data (needs personal.unmask; audited)' }) @IsOptional() @IsIn(['true', 'false']) unmask?: 'true' | 'false';
}

export const ADVISOR_UNMASK_FIELDS = ['clientName', 'clientPhone'] as const;
export class AdvisorUnmaskDto extends UnmaskBody(ADVISOR_UNMASK_FIELDS) {}

const HANDOVER = {
  kind: SERVICE_FIELDS.handoverKind.required(),
  version: field.version().required(),
  receivingBody: SERVICE_FIELDS.handoverReceivingBody,
  /** The dispute's category, checked by the dispute ledger (as given, not trimmed). */
  category: new Field<string, false>({ type: 'varchar', options: {} }, [IsString(), MaxLength(32)], { type: String }),
  summary: field.text(2000),
  note: SERVICE_FIELDS.handoverNote,
};
export const AdvisorHandoverDto = inputOf('AdvisorHandoverDto', HANDOVER, ['kind', 'version', 'receivingBody', 'category', 'summary', 'note'], {
  mode: 'create',
}) satisfies new () => AdvisorHandoverInput;
export type AdvisorHandoverDto = InstanceType<typeof AdvisorHandoverDto>;

/* ---------- monthly check ---------- */

export const AdvisorGridQuery = inputOf('AdvisorGridQuery', { year: field.year().required(), townId: RECORD_INPUT.townId }, ['year', 'townId'], { mode: 'create' });
export type AdvisorGridQuery = InstanceType<typeof AdvisorGridQuery>;

const CHECK = {
  ...MONTH_CHECK_FIELDS,
  villageId: MONTH_CHECK_FIELDS.villageId.required(),
  month: MONTH_CHECK_FIELDS.month.describe('YYYY-MM'),
  reason: MONTH_CHECK_FIELDS.reopenReason.required(),
  version: MONTH_CHECK_FIELDS.version.required(),
};
export const AdvisorSignOffDto = inputOf('AdvisorSignOffDto', { ...CHECK, version: CHECK.version.describe('0 when the month has no check yet') }, ['villageId', 'month', 'remark', 'version'], {
  mode: 'create',
}) satisfies new () => AdvisorSignOffInput;
export type AdvisorSignOffDto = InstanceType<typeof AdvisorSignOffDto>;

export const AdvisorReopenMonthDto = inputOf('AdvisorReopenMonthDto', CHECK, ['villageId', 'month', 'reason', 'version'], { mode: 'create' }) satisfies new () => AdvisorReopenMonthInput;
export type AdvisorReopenMonthDto = InstanceType<typeof AdvisorReopenMonthDto>;

/* ---------- registers ---------- */

const ASSIGNMENT = { villageId: ASSIGNMENT_FIELDS.villageId.required(), from: ASSIGNMENT_FIELDS.fromDate, to: ASSIGNMENT_FIELDS.toDate };
export const AdvisorAssignmentDto = inputOf('AdvisorAssignmentDto', ASSIGNMENT, ['villageId', 'from', 'to'], { mode: 'create' });
export type AdvisorAssignmentDto = InstanceType<typeof AdvisorAssignmentDto>;

/** A phone as typed, never its masked form (`075****3456`) sent back unchanged. */
const NotMasked = () => Matches(/^[^*]*$/, { message: '$property must be the full number, not its masked form' });
const A = {
  townId: RECORD_INPUT.townId,
  ...ADVISOR_FIELDS,
  phone: field.text(20).required().also(NotMasked()),
  villages: field.items(AdvisorAssignmentDto, 50).required(),
};
const ADVISOR = ['name', 'lawFirm', 'licenceNo', 'phone', 'villages', 'userId', 'remark'] as const;
export const AdvisorCreateDto = inputOf('AdvisorCreateDto', { ...A, villages: A.villages.also(ArrayMinSize(0)) }, ['townId', ...ADVISOR], { mode: 'create' });
export type AdvisorCreateDto = InstanceType<typeof AdvisorCreateDto>;

export const AdvisorUpdateDto = inputOf('AdvisorUpdateDto', A, ADVISOR, { mode: 'patch', base: VersionDto });
export type AdvisorUpdateDto = InstanceType<typeof AdvisorUpdateDto>;

const ADVISOR_QUERY = { townId: field.uuid(), villageId: field.uuid(), year: field.year().describe('served a village during the year') };
export const AdvisorListQuery = inputOf('AdvisorListQuery', ADVISOR_QUERY, ['townId', 'villageId', 'year'], { mode: 'query', base: PageQuery });
export type AdvisorListQuery = InstanceType<typeof AdvisorListQuery>;

/** The village attributes a PUT sets, in the form's order. */
export const VILLAGE = ['hasRoom', 'roomAddress', 'roomOpenedOn', 'serviceListTitle', 'serviceListVersion', 'serviceListPublishedOn', 'ruleOfLawLevel', 'ruleOfLawYear'] as const;
const V = { ...VILLAGE_FIELDS, hasRoom: VILLAGE_FIELDS.hasRoom.required(), ruleOfLawLevel: VILLAGE_FIELDS.ruleOfLawLevel.required(), version: VILLAGE_FIELDS.version.required() };
export const AdvisorVillageDto = inputOf('AdvisorVillageDto', V, [...VILLAGE, 'version'], { mode: 'create' }) satisfies new () => AdvisorVillageInput;
export type AdvisorVillageDto = InstanceType<typeof AdvisorVillageDto>;

const year = field.year;
const VILLAGE_QUERY = { townId: field.uuid(), roomYear: year(), advisorYear: year(), publishedListYear: year(), meetsHoursYear: year(), ruleOfLawLevel: VILLAGE_FIELDS.ruleOfLawLevel };
export const AdvisorVillageListQuery = inputOf('AdvisorVillageListQuery', VILLAGE_QUERY, Object.keys(VILLAGE_QUERY) as (keyof typeof VILLAGE_QUERY)[], {
  mode: 'query',
}) satisfies new () => AdvisorVillageFilters;
export type AdvisorVillageListQuery = InstanceType<typeof AdvisorVillageListQuery>;
