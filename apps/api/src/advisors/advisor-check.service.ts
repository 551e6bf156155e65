import { Injectable } from '@nestjs/common';
import { ADVISOR_MONTHLY_HOURS, AdvisorMonthCheckDto, AdvisorMonthlyGrid, AdvisorMonthState, ColumnSpec, monthInZone } from '@fazhi/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AppException, notFound, staleVersion } from '../common/app-exception';
import { Clock } from '../common/clock';
import { isoOrNull } from '../common/dates';
import { answerOf } from '../ledger-core/kit/fields';
import { monthsOf, toQueryString } from '../ledger-core/figures';
import { sendLedgerXlsx } from '../ledger-core/ledger-spreadsheet';
import { OrgTreeService } from '../org/org-tree.service';
import { AdvisorReopenMonthDto, AdvisorSignOffDto } from './advisor.dto';
import { AdvisorRepository } from './advisor.repository';
import { AdvisorVillageService } from './advisor-register.service';
import { hoursOf } from './advisor-hours';

export const REQUIRED_MINUTES = ADVISOR_MONTHLY_HOURS * 60;

/** A month's state against the 8-hour rule. */
export const monthState = (minutes: number): AdvisorMonthState => (minutes >= REQUIRED_MINUTES ? 'met' : minutes > 0 ? 'short' : 'none');

type CheckRow = NonNullable<Awaited<ReturnType<AdvisorRepository['check']>>>;
const CHECKED = answerOf<CheckRow>()(['villageId', 'month', 'status', 'remark']);
const BY = answerOf<CheckRow>()(['checkedBy', 'checkedByName']);

function checkDto(c: CheckRow): AdvisorMonthCheckDto {
  return {
    ...CHECKED(c),
    checkedAt: new Date(c.checkedAt).toISOString(),
    ...BY(c),
    reopenedAt: isoOrNull(c.reopenedAt),
    reopenReason: c.reopenReason,
    version: c.version,
  };
}

/** The monthly check (月度检查): the village × month grid of a year against the 8-hour rule, and the sign-off that locks a month's entries. */
@Injectable()
export class AdvisorCheckService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: AdvisorRepository,
    private readonly registers: AdvisorVillageService,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async grid(principal: Principal, year: number, townId?: string): Promise<AdvisorMonthlyGrid> {
    const villages = await this.registers.villagesInScope(principal, townId);
    const units = await this.tree.byId();
    const months = monthsOf(year);
    const totals = await this.repo.monthTotals(principal.scope, year, townId);
    const byCell = new Map(totals.map((t) => [`${t.villageId}:${t.month}`, t]));
    const checks = new Map((await this.repo.checks([...new Set(villages.map((v) => v.townId!))], months)).map((c) => [`${c.villageId}:${c.month}`, c]));
    const names = await this.repo.advisorNamesOn(
      villages.map((v) => v.id),
      `${year}-12-31`,
    );
    return {
      year,
      townId: townId ?? null,
      requiredHours: ADVISOR_MONTHLY_HOURS,
      villages: villages.map((v) => {
        const town = units.get(v.townId!)!;
        const current = monthInZone(this.clock.now(), town.timeZone);
        return {
          villageId: v.id,
          villageName: v.name,
          townId: town.id,
          townName: town.name,
          advisorNames: names.get(v.id) ?? [],
          months: months.map((month) => {
            const t = byCell.get(`${v.id}:${month}`);
            const check = checks.get(`${v.id}:${month}`);
            return {
              month,
              hours: hoursOf(t?.minutes ?? 0),
              entries: t?.entries ?? 0,
              state: monthState(t?.minutes ?? 0),
              open: month >= current,
              check: check ? checkDto(check) : null,
              filter: toQueryString({ villageId: v.id, month, voided: 'false' }),
            };
          }),
        };
      }),
    };
  }

  /** The grid as an .xlsx: a row per village, the hours of each month and the months that met the rule; audited. */
  async exportGrid(principal: Principal, year: number, townId: string | undefined, res: Response): Promise<void> {
    const grid = await this.grid(principal, year, townId);
    const town = (await this.tree.byId()).get(townId ?? grid.villages[0]?.townId ?? '');
    const columns: ColumnSpec[] = [
      { header: '村(社区)', field: 'villageName', type: 'string', width: 14 },
      { header: '法律顾问', field: 'advisorNames', type: 'string', width: 12 },
      ...monthsOf(year).map((m, i): ColumnSpec => ({ header: `${i + 1}月`, field: m, type: 'number', width: 8 })),
      { header: '达标月数', field: 'monthsMet', type: 'integer', width: 10 },
    ];
    await this.ds.transaction((em) =>
      this.audit.record(em, { action: 'advisor-service.month.export', entity: 'advisor-month', townId: town?.id ?? null, detail: { year, townId: townId ?? null, rows: grid.villages.length } }),
    );
    async function* rows() {
      for (const v of grid.villages) {
        yield {
          villageName: v.villageName,
          advisorNames: v.advisorNames.join('、'),
          ...Object.fromEntries(v.months.map((m) => [m.month, m.hours])),
          monthsMet: v.months.filter((m) => m.state === 'met').length,
        };
      }
    }
    await sendLedgerXlsx(res, { title: `${town?.name ?? ''}${year}年村(社区)法律顾问服务时长月度检查表`, sheetName: '月度检查', columns, rows: rows(), unmasked: false, timeZone: town?.timeZone });
  }

  /** Signs a village-month off: its entries are locked until a logged reopen. Only a month that has ended. */
  async signOff(principal: Principal, dto: AdvisorSignOffDto): Promise<AdvisorMonthCheckDto> {
    const village = await this.village(principal, dto.villageId);
    const now = this.clock.now();
    if (dto.month >= monthInZone(now, village.timeZone)) {
      throw new AppException(409, 'ADVISOR_MONTH_NOT_OVER', { zh: '该月尚未结束，不能检查确认', en: 'The month has not ended yet' }, [
        { path: 'month', code: 'not_over', message: { zh: '该月尚未结束', en: 'The month has not ended yet' } },
      ]);
    }
    await this.ds.transaction(async (em) => {
      const before = await this.repo.check(em, village.townId, dto.villageId, dto.month, true);
      if ((before?.version ?? 0) !== dto.version) throw staleVersion();
      if (before?.status === 'checked') throw new AppException(409, 'ADVISOR_MONTH_CHECKED', { zh: '该村该月已检查确认', en: 'The village’s month is already signed off' });
      const signed = { remark: dto.remark ?? null, checked_at: now, checked_by: principal.user.id };
      if (!(await this.repo.signOff(em, before, { town_id: village.townId, village_id: dto.villageId, month: dto.month }, signed))) throw staleVersion();
      await this.audit.record(em, {
        action: 'advisor-service.month.sign-off',
        entity: 'advisor-month',
        entityId: dto.villageId,
        townId: village.townId,
        before: before ? checkDto(before) : null,
        after: { villageId: dto.villageId, month: dto.month, remark: dto.remark ?? null },
      });
    });
    return this.checkOf(village.townId, dto.villageId, dto.month);
  }

  /** Unlocks a signed-off month, logged with its reason. */
  async reopen(principal: Principal, dto: AdvisorReopenMonthDto): Promise<AdvisorMonthCheckDto> {
    const village = await this.village(principal, dto.villageId);
    await this.ds.transaction(async (em) => {
      const before = await this.repo.check(em, village.townId, dto.villageId, dto.month, true);
      if (!before || before.status !== 'checked') throw new AppException(409, 'ADVISOR_MONTH_NOT_CHECKED', { zh: '该村该月尚未检查确认', en: 'The village’s month is not signed off' });
      if (before.version !== dto.version) throw staleVersion();
      const reopened = { status: 'reopened', reopened_at: this.clock.now(), reopened_by: principal.user.id, reopen_reason: dto.reason };
      if (!(await this.repo.setCheck(em, before, reopened))) throw staleVersion();
      await this.audit.record(em, {
        action: 'advisor-service.month.reopen',
        entity: 'advisor-month',
        entityId: dto.villageId,
        townId: village.townId,
        before: checkDto(before),
        after: { status: 'reopened' },
        detail: { month: dto.month, reason: dto.reason },
      });
    });
    return this.checkOf(village.townId, dto.villageId, dto.month);
  }

  private async village(principal: Principal, villageId: string): Promise<{ townId: string; timeZone: string }> {
    const [village] = (await this.registers.villagesInScope(principal)).filter((v) => v.id === villageId);
    if (!village) throw notFound({ zh: '村(社区)不存在', en: 'Village not found' });
    const town = (await this.tree.byId()).get(village.townId!)!;
    return { townId: town.id, timeZone: town.timeZone };
  }

  private async checkOf(townId: string, villageId: string, month: string): Promise<AdvisorMonthCheckDto> {
    return checkDto((await this.repo.check(this.ds.manager, townId, villageId, month))!);
  }
}
