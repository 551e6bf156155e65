import { Injectable } from '@nestjs/common';
import { StatusHistoryDto } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { requestContext } from '../../common/request-context';

export interface HistoryEntry {
  townId: string;
  ledger: string;
  recordId: string;
  from: string | null;
  to: string;
  remark?: string | null;
  data?: unknown;
  at?: Date;
}

@Injectable()
export class StatusHistoryService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, e: HistoryEntry): Promise<void> {
    await em.query(
      `INSERT INTO status_history (town_id, ledger, record_id, from_status, to_status, at, user_id, remark, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.townId, e.ledger, e.recordId, e.from, e.to, e.at ?? this.clock.now(), requestContext.get()?.actor?.userId ?? null, e.remark ?? null, e.data === undefined ? null : JSON.stringify(e.data)],
    );
  }

  async recordMany(em: EntityManager, entries: HistoryEntry[]): Promise<void> {
    const userId = requestContext.get()?.actor?.userId ?? null;
    const now = this.clock.now();
    for (let i = 0; i < entries.length; i += 2000) {
      const rows = entries.slice(i, i + 2000).map((e) => ({
        town_id: e.townId,
        ledger: e.ledger,
        record_id: e.recordId,
        from_status: e.from,
        to_status: e.to,
        at: e.at ?? now,
        user_id: userId,
        remark: e.remark ?? null,
        data: e.data ?? null,
      }));
      await em.query(
        `INSERT INTO status_history (town_id, ledger, record_id, from_status, to_status, at, user_id, remark, data)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(town_id uuid, ledger varchar, record_id uuid, from_status varchar, to_status varchar, at timestamptz, user_id uuid, remark varchar, data jsonb)`,
        [JSON.stringify(rows)],
      );
    }
  }

  /** A record's history, oldest first. The record's town leads the condition as it leads the index. */
  async list(ledger: string, recordId: string, townId: string): Promise<StatusHistoryDto[]> {
    const rows = await this.ds.query<(StatusHistoryDto & { at: Date })[]>(
      `SELECT h.id::text AS id, h.from_status AS "from", h.to_status AS "to", h.at, h.user_id AS "userId", u.display_name AS "userName", h.remark
         FROM status_history h LEFT JOIN app_user u ON u.id = h.user_id
        WHERE h.ledger = $1 AND h.record_id = $2 AND h.town_id = $3 ORDER BY h.at, h.id`,
      [ledger, recordId, townId],
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }
}
