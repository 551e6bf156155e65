import { Injectable } from '@nestjs/common';
import type { TownSetting } from '@fazhi/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';

/** Settings a town may set for itself, each with a product default; changes carry a version and are audited. */
@Injectable()
export class TownSettings {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get<T>(townId: string, key: string, fallback: T, em: EntityManager = this.ds.manager): Promise<TownSetting<T>> {
    const [row] = await em.query<{ value: unknown; updated_at: Date; version: number }[]>(`SELECT value, updated_at, version FROM town_setting WHERE town_id = $1 AND key = $2`, [townId, key]);
    if (!row) return { townId, key, value: fallback, isDefault: true, updatedAt: null, version: 0 };
    return { townId, key, value: row.value as T, isDefault: false, updatedAt: new Date(row.updated_at).toISOString(), version: row.version };
  }

  /** Sets a town's value when `version` is the current one (0 for a town still on the default); 409 otherwise. */
  async set<T>(em: EntityManager, o: { townId: string; key: string; value: T; version: number; userId: string }): Promise<void> {
    const now = this.clock.now();
    const [before] = await em.query<{ value: unknown; version: number }[]>(`SELECT value, version FROM town_setting WHERE town_id = $1 AND key = $2 FOR UPDATE`, [o.townId, o.key]);
    if ((before?.version ?? 0) !== o.version) throw staleVersion();
    if (before) {
      await em.query(`UPDATE town_setting SET value = $3, updated_at = $4, updated_by = $5, version = version + 1 WHERE town_id = $1 AND key = $2`, [
        o.townId,
        o.key,
        JSON.stringify(o.value),
        now,
        o.userId,
      ]);
    } else {
      await em.query(`INSERT INTO town_setting (town_id, key, value, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, 1)`, [o.townId, o.key, JSON.stringify(o.value), now, o.userId]);
    }
    await this.audit.record(em, {
      action: 'setting.update',
      entity: 'town_setting',
      entityId: null,
      townId: o.townId,
      before: before ? { key: o.key, value: before.value } : { key: o.key, default: true },
      after: { key: o.key, value: o.value },
    });
  }
}
