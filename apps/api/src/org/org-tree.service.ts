import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopeUnit } from '../access/data-scope';
import { entityColumns, selectList } from '../common/entity-columns';
import { OrgUnitEntity } from './org-unit.entity';

const TTL_MS = 10_000;

interface Tree {
  at: number;
  units: OrgUnitEntity[];
  byId: Map<string, OrgUnitEntity>;
  /** md5 of every unit row as text: the tree is read again only when it changes. */
  fingerprint: string;
}

/**
 * The org tree, read once and kept briefly; every org change invalidates it. Requests that find it
 * stale share one read (a province has tens of thousands of units: one read per waiting request
 * would swamp the process), and the read is raw, without entity hydration. Past its lifetime the
 * tree is first compared with the table by a fingerprint computed in PostgreSQL, and kept when
 * nothing changed (changes made by another instance included), so a large tree is not read and
 * held twice every ten seconds.
 */
@Injectable()
export class OrgTreeService {
  private cache: Tree | null = null;
  private loading: Promise<Tree> | null = null;
  /** Counts invalidations, so a read that started before one is not kept. */
  private generation = 0;
  private columns: string | undefined;

  constructor(private readonly ds: DataSource) {}

  async units(): Promise<OrgUnitEntity[]> {
    return (await this.load()).units;
  }

  async byId(): Promise<Map<string, OrgUnitEntity>> {
    return (await this.load()).byId;
  }

  async scopeUnits(): Promise<ScopeUnit[]> {
    return this.units();
  }

  invalidate(): void {
    this.cache = null;
    this.loading = null;
    this.generation++;
  }

  private load(): Promise<Tree> {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return Promise.resolve(this.cache);
    if (!this.loading) {
      const generation = this.generation;
      const loading = this.read().then(
        (tree) => {
          if (this.generation === generation) this.cache = tree;
          if (this.loading === loading) this.loading = null;
          return tree;
        },
        (error: unknown) => {
          if (this.loading === loading) this.loading = null;
          throw error;
        },
      );
      this.loading = loading;
    }
    return this.loading;
  }

  private async read(): Promise<Tree> {
    const at = Date.now();
    const kept = this.cache;
    const [{ fingerprint }] = await this.ds.query<{ fingerprint: string }[]>(`SELECT md5(coalesce(string_agg(u::text, ',' ORDER BY u.id), '')) AS fingerprint FROM org_unit u`);
    if (kept && kept.fingerprint === fingerprint) return { ...kept, at };
    this.columns ??= selectList('u', entityColumns(this.ds, OrgUnitEntity));
    const units: OrgUnitEntity[] = await this.ds.query(`SELECT ${this.columns} FROM org_unit u ORDER BY u.path ASC, u.sort_order ASC`);
    return { at, units, byId: new Map(units.map((u) => [u.id, u])), fingerprint };
  }
}
