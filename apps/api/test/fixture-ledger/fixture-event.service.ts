import { Controller, Injectable } from '@nestjs/common';
import { LedgerRecordDto, TransitionRule } from '@fazhi/contracts';
import { figureQueries } from '../../src/ledger-core/figures';
import { EntityManager } from 'typeorm';
import { Principal } from '../../src/access/principal';
import { RecordPart } from '../../src/ledger-core/kit/record-parts';
import { RecordRepository, RecordTable } from '../../src/ledger-core/kit/record-repository';
import { invalidField } from '../../src/common/app-exception';
import { RecordKit, RecordService } from '../../src/ledger-core/kit/record-service';
import { FiguresRequest, LedgerStatistics, StatisticsRoutes } from '../../src/ledger-core/kit/ledger';
import { LedgerRecordRow, recordDtoFields } from '../../src/ledger-core/records';
import { GuardFailure, Workflow } from '../../src/ledger-core/status/transitions';
import { FixtureEventCreateDto, FixtureEventListQuery, FixtureEventStepData, FixtureEventUpdateDto } from './fixture-event.dto';
import { EVENT_FIELDS, FixtureEventEntity } from './fixture-event.entity';
import { answerOf, columnsOf } from '../../src/ledger-core/kit/fields';

export type FixtureStatus = 'registered' | 'held' | 'archived';
export const FIXTURE_LABELS = { registered: { zh: '已登记', en: 'Registered' }, held: { zh: '已举办', en: 'Held' }, archived: { zh: '已归档', en: 'Archived' } };
export const FIXTURE_TRANSITIONS: readonly TransitionRule<FixtureStatus>[] = [
  { from: ['registered'], to: 'held', permission: 'legal.write', guard: 'notInFuture', requires: ['heldOn'], label: FIXTURE_LABELS.held },
  { from: ['held'], to: 'archived', permission: 'legal.write', label: FIXTURE_LABELS.archived },
];
export const FIXTURE_FIGURES = {
  registered: { ledger: 'publicity-event', date: 'registered_at', condition: 'any state' },
  held: { ledger: 'publicity-event', date: 'held_on', condition: 'held' },
} as const;

export type FixtureRow = FixtureEventEntity & LedgerRecordRow & { timeZone: string };
export type FixtureFilter = Omit<FixtureEventListQuery, 'page' | 'pageSize' | 'unmask'> & { sort?: string; order?: 'asc' | 'desc' };
export type FixtureEventDto = LedgerRecordDto<FixtureStatus> & { title: string; heldOn: string | null; audience: number };
export type FixtureGuest = { id: string; name: string; phone: string | null; topic: string; sortOrder: number; createdAt: string };
const ANSWER = answerOf<FixtureRow>()(['title', 'heldOn', 'audience']);
export type FixtureEventDetail = FixtureEventDto & { guests: FixtureGuest[]; transitions: { to: FixtureStatus }[] };

/** The guests of an event, the fixture's part: added and removed only before the event is held. */
export const GUESTS: RecordPart<FixtureRow> = {
  name: 'guest',
  table: 'fixture_event_guest',
  parent: 'event_id',
  fields: { name: { column: 'name', personal: 'name' }, phone: { column: 'phone', personal: 'phone' }, topic: 'topic' },
  answer: ['id', 'name', 'phone', 'topic', 'sortOrder', 'createdAt'],
  order: 'sort_order, created_at, id',
  position: 'sort_order',
  notFound: { zh: '嘉宾不存在', en: 'Guest not found' },
  add: {
    states: ['registered'],
    wrongState: { zh: '活动举办后不能再增加嘉宾', en: 'Guests cannot be added once the event is held' },
    check: (body, row) => {
      if (body.topic === row.title) throw invalidField('topic', 'same', { zh: '主题不能与活动名称相同', en: 'The topic must differ from the title' });
    },
    columns: (body) => ({ remark: `主讲:${String(body.topic)}` }),
  },
  remove: { states: ['registered'], wrongState: { zh: '活动举办后不能再删除嘉宾', en: 'Guests cannot be removed once the event is held' } },
  removed: ['id', 'topic'],
};

const EVENTS: RecordTable<FixtureFilter> = {
  ledger: 'publicity-event',
  table: 'fixture_event',
  alias: 'e',
  select: `e.*, t.name AS "townName", t.time_zone AS "timeZone", vil.name AS "villageName"`,
  from: `FROM fixture_event e JOIN org_unit t ON t.id = e.town_id LEFT JOIN org_unit vil ON vil.id = e.village_id`,
  sorts: { number: 'e.year %s, e.seq %s', heldOn: 'e.held_on %s NULLS LAST' },
  filters: {
    townId: { eq: 'e.town_id' },
    q: { contains: ['e.number', 'e.title'] },
    registeredYear: { year: 'e.registered_at', local: true },
    heldYear: (year: number, s) => [s.inYear('e.held_on', year), s.reached('held')],
    voided: { when: { true: 'e.voided_at IS NOT NULL', false: 'e.voided_at IS NULL' } },
  },
};

@Injectable()
export class FixtureEventRepository extends RecordRepository<FixtureRow, FixtureFilter> {
  protected readonly spec = EVENTS;
}

@Injectable()
export class FixtureEventService extends RecordService<FixtureStatus, FixtureRow, FixtureFilter, FixtureEventDto, FixtureEventDetail, FixtureEventStepData> {
  constructor(kit: RecordKit, repo: FixtureEventRepository) {
    super(kit, repo, { ledger: 'publicity-event', initial: 'registered', closedStatuses: ['archived'], notFound: { zh: '活动不存在', en: 'Event not found' }, wrongStateCode: 'CONFLICT' });
  }

  protected readonly workflow: Workflow<FixtureStatus, FixtureEventStepData, { em: EntityManager; row: FixtureRow; data: FixtureEventStepData; today: string }> = {
    table: FIXTURE_TRANSITIONS,
    labels: FIXTURE_LABELS,
    stepData: FixtureEventStepData,
    guards: {
      notInFuture: (c): GuardFailure | null => (c.data.heldOn! > c.today ? { code: 'DATE_IN_FUTURE', message: { zh: '举办日期不能晚于今天', en: 'The day cannot be in the future' } } : null),
    },
  };

  filter({ page: _p, pageSize: _s, unmask: _u, ...query }: FixtureEventListQuery): FixtureFilter {
    return query;
  }

  async dtos(rows: FixtureRow[]): Promise<FixtureEventDto[]> {
    return rows.map((r) => ANSWER(r, recordDtoFields<FixtureStatus>(r)));
  }

  async get(principal: Principal, id: string): Promise<FixtureEventDetail> {
    const row = await this.visible(principal, id);
    const guests = await this.partAnswers<FixtureGuest>(GUESTS, [row]);
    return { ...(await this.dtos([row]))[0], guests: guests.get(id)!, transitions: this.transitions(row, principal) };
  }

  async create(principal: Principal, dto: FixtureEventCreateDto): Promise<FixtureEventDto> {
    const place = await this.kit.places.placeOf(principal, dto.townId, dto.villageId ?? null);
    return this.createRecord(principal, place, { columns: () => ({ ...columnsOf(EVENT_FIELDS, ['title', 'remark'], dto, true), audience: dto.audience ?? 0 }) });
  }

  update(principal: Principal, id: string, dto: FixtureEventUpdateDto): Promise<FixtureEventDto> {
    return this.updateRecord(principal, id, dto.version, async () => columnsOf(EVENT_FIELDS, ['title', 'audience'], dto));
  }

  protected override stepColumns(_em: EntityManager, _p: Principal, _row: FixtureRow, to: FixtureStatus, data: FixtureEventStepData) {
    return to === 'held' ? columnsOf(EVENT_FIELDS, ['heldOn'], data, true) : {};
  }
}

/** The fixture's figures: events registered and held in a year, each with the list filter that shows its rows. */
export interface FixtureFigures {
  year: number;
  registered: number;
  held: number;
  filters: Record<'registered' | 'held', string>;
}

/** The fixture's figures service. */
@Injectable()
export class FixtureEventStatistics implements LedgerStatistics<FixtureFigures> {
  constructor(private readonly repo: FixtureEventRepository) {}

  async figures({ scope, year, base }: FiguresRequest): Promise<FixtureFigures> {
    const filters: Record<'registered' | 'held', FixtureFilter> = { registered: { ...base, registeredYear: year }, held: { ...base, heldYear: year } };
    return {
      year,
      registered: await this.repo.count(scope, filters.registered),
      held: await this.repo.count(scope, filters.held),
      filters: figureQueries(filters),
    };
  }
}

@Controller('statistics')
export class FixtureEventStatisticsController extends StatisticsRoutes('fixture-events', ['legal.read', 'dashboard.read'], FixtureEventStatistics) {}
