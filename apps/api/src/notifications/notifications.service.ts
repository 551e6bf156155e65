import { Injectable } from '@nestjs/common';
import type { NotificationDto, NotificationPage, PermissionCode, UserChoiceDto } from '@fazhi/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { scopeSql } from '../access/data-scope';
import { Principal } from '../access/principal';
import { notFound } from '../common/app-exception';
import { Clock } from '../common/clock';
import { isoOrNull } from '../common/dates';
import { pageOf } from '../common/pagination';
import { sqlParams } from '../common/sql';
import { NotificationListQuery } from './notification.dto';

export interface NotifyInput {
  townId: string;
  recipientIds: string[];
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  ledger?: string | null;
  recordId?: string | null;
}

interface NotificationRow {
  id: string;
  town_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

const toDto = (r: NotificationRow): NotificationDto => ({
  id: r.id,
  townId: r.town_id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: isoOrNull(r.read_at),
});

/** In-app notifications: written in the transaction of the change they tell of, read by their recipient within scope. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Active users holding `permission` whose data scope covers a record of the town (and village):
   * the whole town (`all` or `town` assignments above or at it) or the village (`villages`).
   */
  async recipientsWithPermission(em: EntityManager, o: { townId: string; villageId?: string | null; permission: PermissionCode }): Promise<UserChoiceDto[]> {
    return em.query(
      `SELECT u.id, u.display_name AS name FROM app_user u
        WHERE u.status = 'active' AND EXISTS (
              SELECT 1 FROM user_role ur
                JOIN role r ON r.id = ur.role_id
                JOIN org_unit au ON au.id = ur.org_unit_id
                JOIN org_unit t ON t.id = $1
               WHERE ur.user_id = u.id AND $3 = ANY(r.permissions) AND (
                     (ur.scope = 'all' AND t.path LIKE au.path || '%')
                  OR (ur.scope = 'town' AND (ur.town_id = t.id OR (ur.town_id IS NULL AND t.path LIKE au.path || '%')))
                  OR (ur.scope = 'villages' AND $2::uuid = ANY(ur.village_ids))))
        ORDER BY u.display_name, u.id`,
      [o.townId, o.villageId ?? null, o.permission],
    );
  }

  /** Writes one notification per recipient in the caller's transaction. */
  async notify(em: EntityManager, n: NotifyInput): Promise<number> {
    const recipients = [...new Set(n.recipientIds)];
    if (recipients.length === 0) return 0;
    const now = this.clock.now();
    const rows = recipients.map((recipient) => ({
      id: randomUUID(),
      town_id: n.townId,
      recipient_id: recipient,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      link: n.link ?? null,
      ledger: n.ledger ?? null,
      record_id: n.recordId ?? null,
      created_at: now,
    }));
    await em.query(
      `INSERT INTO notification (id, town_id, recipient_id, kind, title, body, link, ledger, record_id, created_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, town_id uuid, recipient_id uuid, kind varchar, title varchar, body varchar, link varchar, ledger varchar, record_id uuid, created_at timestamptz)`,
      [JSON.stringify(rows)],
    );
    return recipients.length;
  }

  /** The caller's own notifications within their scope (and town), and the unread count. */
  private mine(principal: Principal, townId: string | undefined, params: unknown[]): string {
    const p = sqlParams(params);
    const inScope = scopeSql(principal.scope, { town: 'n.town_id', owners: ['n.recipient_id'] }, params);
    // A notice is filed under its town; someone scoped to villages reads those of their villages' towns.
    const villageTowns = principal.scope.villageIds.length > 0 ? ` OR n.town_id IN (SELECT v.town_id FROM org_unit v WHERE v.id = ANY(${p(principal.scope.villageIds)}::uuid[]))` : '';
    const w = [`n.recipient_id = ${p(principal.user.id)}`, `(${inScope}${villageTowns})`];
    if (townId) w.push(`n.town_id = ${p(townId)}`);
    return w.join(' AND ');
  }

  async list(principal: Principal, q: NotificationListQuery): Promise<NotificationPage> {
    const { page, pageSize, offset } = pageOf(q);
    const params: unknown[] = [];
    const where = this.mine(principal, q.townId, params);
    const [{ total, unread }] = await this.ds.query<{ total: number; unread: number }[]>(
      `SELECT count(*) FILTER (WHERE ${q.unread ? 'n.read_at IS NULL' : 'TRUE'})::int AS total, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread FROM notification n WHERE ${where}`,
      params,
    );
    const p = sqlParams(params);
    const rows = await this.ds.query<NotificationRow[]>(
      `SELECT n.* FROM notification n WHERE ${where}${q.unread ? ' AND n.read_at IS NULL' : ''} ORDER BY n.created_at DESC, n.id OFFSET ${p(offset)} LIMIT ${p(pageSize)}`,
      params,
    );
    return { items: rows.map(toDto), total, page, pageSize, unread };
  }

  async unreadCount(principal: Principal, townId?: string): Promise<{ unread: number }> {
    const params: unknown[] = [];
    const [{ unread }] = await this.ds.query<{ unread: number }[]>(`SELECT count(*)::int AS unread FROM notification n WHERE ${this.mine(principal, townId, params)} AND n.read_at IS NULL`, params);
    return { unread };
  }

  async markRead(principal: Principal, id: string): Promise<NotificationDto> {
    const params: unknown[] = [id, this.clock.now()];
    const [rows] = await this.ds.query<[NotificationRow[], number]>(
      `UPDATE notification n SET read_at = COALESCE(n.read_at, $2) WHERE n.id = $1 AND ${this.mine(principal, undefined, params)} RETURNING n.*`,
      params,
    );
    if (!rows?.length) throw notFound({ zh: '通知不存在', en: 'Notification not found' });
    return toDto(rows[0]);
  }

  async markAllRead(principal: Principal, townId?: string): Promise<{ updated: number }> {
    const params: unknown[] = [this.clock.now()];
    const [, updated] = await this.ds.query<[unknown[], number]>(`UPDATE notification n SET read_at = $1 WHERE n.read_at IS NULL AND ${this.mine(principal, townId, params)}`, params);
    return { updated };
  }
}
