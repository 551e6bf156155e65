import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DISPUTE_SORTS, DISPUTE_STATUSES } from '@fazhi/contracts';
import type { DisputeListQuery as DisputeListFilters, DisputePartyInput, DisputeStatus, MediationPeriod } from '@fazhi/contracts';
import { PageQuery } from '../common/pagination';
import { Trim } from '../common/strings';
import { IsVersion, VersionDto } from '../common/version';
import { field, inputOf, RECORD_INPUT } from '../ledger-core/kit/fields';
import { DISPUTE_FIELDS, FOLLOW_UP_FIELDS, PARTY_FIELDS, PARTY_INPUT, SESSION_FIELDS } from './dispute.entities';

const PARTY = { role: PARTY_FIELDS.role, ...PARTY_INPUT };
const PARTY_KEYS = ['role', 'name', 'idNumber', 'phone', 'address'] as const;
export const DisputePartyDto = inputOf('DisputePartyDto', PARTY, PARTY_KEYS, { mode: 'create' }) satisfies new () => DisputePartyInput;
export type DisputePartyDto = InstanceType<typeof DisputePartyDto>;
export const PartyCreateDto = inputOf('PartyCreateDto', PARTY, PARTY_KEYS, { mode: 'create', base: VersionDto });
export type PartyCreateDto = InstanceType<typeof PartyCreateDto>;
export const PartyUpdateDto = inputOf('PartyUpdateDto', PARTY, PARTY_KEYS, { mode: 'patch', base: VersionDto });
export type PartyUpdateDto = InstanceType<typeof PartyUpdateDto>;

const D = {
  ...RECORD_INPUT,
  ...DISPUTE_FIELDS,
  /** A new dispute may be raised to a group-incident warning only by a risk change (Art 25). */
  riskLevel: field.values(['normal', 'elevated']).withDefault('normal'),
  parties: field.items(DisputePartyDto, 50),
};
/** The registration's fields an edit may change, in the form's order. */
export const REGISTRATION = ['villageId', 'occurredOn', 'source', 'category', 'summary', 'place', 'mediatorIds', 'remark'] as const;
/** The agreement's text (Art 29). */
export const AGREEMENT = ['facts', 'issues', 'responsibilities', 'terms', 'performanceManner', 'performanceDeadline'] as const;

export const DisputeCreateDto = inputOf('DisputeCreateDto', D, ['townId', 'villageId', 'occurredOn', 'source', 'category', 'summary', 'place', 'riskLevel', 'parties', 'mediatorIds', 'remark'], {
  mode: 'create',
});
export type DisputeCreateDto = InstanceType<typeof DisputeCreateDto>;

/** The registration but the town, the risk and the parties; the agreement's text may be corrected while the agreement is not yet being performed. */
export const DisputeUpdateDto = inputOf('DisputeUpdateDto', D, [...AGREEMENT, ...REGISTRATION], { mode: 'patch', base: VersionDto });
export type DisputeUpdateDto = InstanceType<typeof DisputeUpdateDto>;

/** The mediation's outcome in the answer's order: a refusal, an agreement or a termination, and the agreement's performance. */
export const OUTCOME = [
  'refusedOn',
  'refusingPartyId',
  'refusalReason',
  'agreementForm',
  'agreedOn',
  ...AGREEMENT,
  'terminatedOn',
  'terminationReason',
  'referralRoute',
  'referralNote',
  'performanceStatus',
] as const;
/** The data a dispute step may carry (checked after the transition table says what is required). */
const STEP = ['acceptedOn', 'mediatorIds', ...OUTCOME, 'archivedOn', 'archiveNo'] as const;
export const DisputeStepData = inputOf('DisputeStepData', DISPUTE_FIELDS, STEP, { mode: 'step' });
export type DisputeStepData = InstanceType<typeof DisputeStepData>;

export const SessionCreateDto = inputOf('SessionCreateDto', SESSION_FIELDS, ['date', 'place', 'attendees', 'record'], { mode: 'create', base: VersionDto });
export type SessionCreateDto = InstanceType<typeof SessionCreateDto>;

export const FollowUpCreateDto = inputOf('FollowUpCreateDto', FOLLOW_UP_FIELDS, ['date', 'visitor', 'performance', 'satisfaction', 'newRisk', 'note'], { mode: 'create', base: VersionDto });
export type FollowUpCreateDto = InstanceType<typeof FollowUpCreateDto>;

/** Raising to a group-incident warning needs the reason and the police report (Art 25). */
const RISK = {
  level: DISPUTE_FIELDS.riskLevel.required(),
  reason: DISPUTE_FIELDS.warningReason.required(),
  policeInformedOn: DISPUTE_FIELDS.policeInformedOn,
  policeUnit: DISPUTE_FIELDS.policeUnit,
  measures: DISPUTE_FIELDS.warningMeasures,
};
export const RiskChangeDto = inputOf('RiskChangeDto', RISK, ['level', 'reason', 'policeInformedOn', 'policeUnit', 'measures'], { mode: 'create', base: VersionDto });
export type RiskChangeDto = InstanceType<typeof RiskChangeDto>;

const ESCALATION = {
  escalatedOn: DISPUTE_FIELDS.escalatedOn.required(),
  level: DISPUTE_FIELDS.escalationLevel.required(),
  kind: DISPUTE_FIELDS.escalationKind.required(),
  note: DISPUTE_FIELDS.escalationNote,
};
export const EscalationDto = inputOf('EscalationDto', ESCALATION, ['escalatedOn', 'level', 'kind', 'note'], { mode: 'create', base: VersionDto });
export type EscalationDto = InstanceType<typeof EscalationDto>;

const JUDICIAL_CONFIRMATION = {
  appliedOn: DISPUTE_FIELDS.jcAppliedOn.required(),
  court: DISPUTE_FIELDS.jcCourt.required(),
  result: DISPUTE_FIELDS.jcResult,
  decidedOn: DISPUTE_FIELDS.jcDecidedOn,
  caseNo: DISPUTE_FIELDS.jcCaseNo,
};
export const JudicialConfirmationInputDto = inputOf('JudicialConfirmationInputDto', JUDICIAL_CONFIRMATION, ['appliedOn', 'court', 'result', 'decidedOn', 'caseNo'], {
  mode: 'create',
  base: VersionDto,
});
export type JudicialConfirmationInputDto = InstanceType<typeof JudicialConfirmationInputDto>;

export class DeadlineExtendDto {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(366) days!: number;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  @ApiProperty({ description: 'the user who approved the extension' }) @IsUUID() approvedBy!: string;
}

export const DISPUTE_UNMASK_FIELDS = ['name', 'idNumber', 'phone', 'address'] as const;
export class DisputeUnmaskDto {
  @ApiPropertyOptional({ description: 'the party; all parties when absent' }) @IsOptional() @IsUUID() partyId?: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(4) @IsIn(DISPUTE_UNMASK_FIELDS, { each: true }) fields!: (typeof DISPUTE_UNMASK_FIELDS)[number][];
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}

export class MediationPeriodDto implements MediationPeriod {
  @ApiProperty() @IsVersion() version!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(366) amount!: number;
  @ApiProperty({ enum: ['month', 'calendar', 'working'] }) @IsIn(['month', 'calendar', 'working']) unit!: MediationPeriod['unit'];
}

const year = field.year;
const QUERY = {
  status: field.csv<DisputeStatus>(DISPUTE_STATUSES).describe('comma-separated statuses'),
  reached: field.csv<DisputeStatus>(DISPUTE_STATUSES).describe('reached every one of these states at some time (status history)'),
  townId: field.uuid(),
  villageId: field.uuid(),
  noVillage: field.values(['true']).describe('disputes without a village'),
  category: DISPUTE_FIELDS.category,
  source: DISPUTE_FIELDS.source,
  riskLevel: DISPUTE_FIELDS.riskLevel,
  mediatorId: field.uuid().describe('peace officer id'),
  from: field.date().describe('occurred on or after'),
  to: field.date().describe('occurred on or before'),
  q: field.text(100).describe('number or summary'),
  partyName: field.text(50).describe('a party’s exact name'),
  partyIdNumber: field.text(18).describe('a party’s exact ID number'),
  partyPhone: field.text(20).describe('a party’s exact phone'),
  registeredYear: year(),
  registeredMonth: field.month(),
  acceptedYear: year(),
  agreedYear: year(),
  agreedMonth: field.month(),
  terminatedYear: year(),
  concludedYear: year().describe('agreed or terminated in the year (the success rate’s denominator)'),
  warningYear: year().describe('a group-incident warning raised in the year'),
  escalatedYear: year(),
  escalated: field.flag().describe('escalated beyond the town'),
  deadline: field.values(['overdue', 'due']).describe('mediation period overdue, or due within the warning days or overdue'),
  voided: field.flag(),
  sort: field.values(DISPUTE_SORTS),
  order: field.values(['asc', 'desc']),
};
export const DisputeListQuery = inputOf('DisputeListQuery', QUERY, Object.keys(QUERY) as (keyof typeof QUERY)[], { mode: 'query', base: PageQuery }) satisfies new () => DisputeListFilters;
export type DisputeListQuery = InstanceType<typeof DisputeListQuery>;

export class DisputeExportQuery extends DisputeListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'full personal data (needs personal.unmask; audited)' }) @IsOptional() @IsIn(['true', 'false']) unmask?: 'true' | 'false';
}

export class WarningListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() townId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true (default): warnings still in force; false: also resolved ones' }) @IsOptional() @IsIn(['true', 'false']) active?: 'true' | 'false';
}
