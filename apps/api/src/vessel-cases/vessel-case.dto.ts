import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DISPOSAL_LABELS, VESSEL_STATUSES } from '@fazhi/contracts';
import type { VesselStatus } from '@fazhi/contracts';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/strings';
import { VersionDto } from '../common/version';
import { field, inputOf, RECORD_INPUT } from '../ledger-core/kit/fields';
import { ImportQuery, TransitionDto, VoidDto } from '../ledger-core/ledger.dto';
import { OWNER_INPUT, PERSUASION_FIELDS, VESSEL_FIELDS } from './vessel-case.entities';

const V = { ...RECORD_INPUT, ...VESSEL_FIELDS, ...OWNER_INPUT };
/** The registration's fields, in the form's order. */
export const REGISTRATION = [
  'villageId',
  'discoveredAt',
  'place',
  'gpsLat',
  'gpsLng',
  'source',
  'hullMaterial',
  'lengthM',
  'enginePowerKw',
  'gearType',
  'gearCount',
  'marks',
  'unclaimed',
  'ownerName',
  'ownerIdNumber',
  'ownerPhone',
  'noticeStart',
  'noticeEnd',
  'handlerIds',
  'remark',
] as const;
export const VesselCaseCreateDto = inputOf('VesselCaseCreateDto', V, ['townId', ...REGISTRATION], { mode: 'create' });
export type VesselCaseCreateDto = InstanceType<typeof VesselCaseCreateDto>;

/** Any field of the registration but the town, with the version read. */
export const VesselCaseUpdateDto = inputOf('VesselCaseUpdateDto', V, REGISTRATION, { mode: 'patch', base: VersionDto });
export type VesselCaseUpdateDto = InstanceType<typeof VesselCaseUpdateDto>;

export { ImportQuery, TransitionDto, VoidDto };

/** The data a vessel step may carry (checked after the transition table says what is required). */
const STEP = ['committedOn', 'dismantledOn', 'dismantlePlace', 'witnesses', 'campaignId', 'verifiedOn', 'verifiedBy', 'handedOverOn', 'externalCaseNo'] as const;
export const VesselStepData = inputOf('VesselStepData', V, STEP, { mode: 'step' });
export type VesselStepData = InstanceType<typeof VesselStepData>;

export const PersuasionDto = inputOf('PersuasionDto', PERSUASION_FIELDS, ['date', 'staff', 'measure', 'result'], { mode: 'create', base: VersionDto });
export type PersuasionDto = InstanceType<typeof PersuasionDto>;

export class UnmaskDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(3) @IsIn(['ownerName', 'ownerIdNumber', 'ownerPhone'], { each: true }) fields!: ('ownerName' | 'ownerIdNumber' | 'ownerPhone')[];
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}

const QUERY = {
  status: field.csv<VesselStatus>(VESSEL_STATUSES).describe('comma-separated statuses'),
  townId: field.uuid(),
  villageId: field.uuid(),
  from: field.date().describe('discovered on or after (YYYY-MM-DD, town zone)'),
  to: field.date().describe('discovered on or before'),
  campaignId: field.uuid(),
  q: field.text(100).describe('number, place or marks'),
  ...OWNER_INPUT,
  registeredYear: field.year(),
  dismantledYear: field.year(),
  dismantledMonth: field.month(),
  registeredMonth: field.month(),
  disposal: field.oneOf(DISPOSAL_LABELS, 16),
  handedOverYear: field.year(),
  openAt: field.date().describe('still open at the end of this day'),
  voided: field.flag(),
  sort: field.values(['number', 'registeredAt', 'discoveredAt', 'dismantledOn', 'status']),
  order: field.values(['asc', 'desc']),
};
export const VesselListQuery = inputOf('VesselListQuery', QUERY, Object.keys(QUERY) as (keyof typeof QUERY)[], { mode: 'query', base: PageQuery });
export type VesselListQuery = InstanceType<typeof VesselListQuery>;

export class VesselExportQuery extends VesselListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'full personal data (needs personal.unmask; audited)' }) @IsOptional() @IsIn(['true', 'false']) unmask?: 'true' | 'false';
}
