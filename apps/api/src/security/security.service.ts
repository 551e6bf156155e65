import { Injectable } from '@nestjs/common';
import { LockedAccountDto, LoginHistoryEntry, Page } from '@fazhi/contracts';
import { DataSource } from 'typeorm';
import { inScope, scopeSql } from '../access/data-scope';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { LockoutRepository } from '../auth/lockout.repository';
import { notFound } from '../common/app-exception';
import { Clock } from '../common/clock';
import { pageOf, toPage } from '../common/pagination';
import { LoginHistoryQuery } from './security.dto';

@Injectable()
export class SecurityService {
  constructor(
    private readonly ds: DataSource,
    private readonly lockout: LockoutRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async locks(principal: Principal): Promise<LockedAccountDto[]> {
    const rows = await this.lockout.activeLocks(this.clock.now());
    return rows
      .filter((r) => inScope(principal.scope, { townId: r.townId }))
      .map((r) => ({ username: r.username, userId: r.userId, displayName: r.displayName, lockedUntil: new Date(r.lockedUntil).toISOString(), failures: r.failures }));
  }

  async unlock(principal: Principal, username: string): Promise<void> {
    const name = username.trim().toLowerCase();
    const rows = await this.lockout.activeLocks(this.clock.now());
    const row = rows.find((r) => r.username === name);
    if (!row || !inScope(principal.scope, { townId: row.townId })) throw notFound({ zh: '该账户未被锁定', en: 'No such locked account' });
    await this.ds.transaction(async (em) => {
      const now = this.clock.now();
      await this.lockout.clear(em, name, now, principal.user.id);
      await this.lockout.recordAttempt(em, { at: now, username: name, userId: row.userId, townId: row.townId, address: null, userAgent: null, success: false, reason: 'unlocked' });
      await this.audit.record(em, {
        action: 'security.unlock',
        entity: 'user',
        entityId: row.userId,
        townId: row.townId,
        before: { lockedUntil: row.lockedUntil },
        after: { lockedUntil: null },
        detail: { username: name },
      });
    });
  }

  async loginHistory(principal: Principal, q: LoginHistoryQuery): Promise<Page<LoginHistoryEntry>> {
    const { page, pageSize, offset } = pageOf(q);
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [scopeSql(principal.scope, { town: 'a.town_id' }, params)];
    if (q.username) where.push(`a.username = ${p(q.username.toLowerCase())}`);
    if (q.success !== undefined) where.push(`a.success = ${p(q.success)}`);
    if (q.from) where.push(`a.at >= ${p(new Date(q.from))}`);
    if (q.to) where.push(`a.at < ${p(new Date(q.to))}`);
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM login_attempt a ${clause}`, params);
    const rows = await this.ds.query<(LoginHistoryEntry & { at: Date })[]>(
      `SELECT a.id::text AS id, a.at, a.username, a.user_id AS "userId", u.display_name AS "displayName", a.address,
              a.user_agent AS "userAgent", a.success, a.reason
         FROM login_attempt a LEFT JOIN app_user u ON u.id = a.user_id ${clause}
        ORDER BY a.at DESC, a.id DESC OFFSET ${p(offset)} LIMIT ${p(pageSize)}`,
      params,
    );
    return toPage(
      rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
      total,
      page,
      pageSize,
    );
  }
}
