import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopeUnit } from '../access/data-scope';
import { OrgUnitEntity } from './org-unit.entity';

const TTL_MS = 10_000;

/** The org tree, read once and kept briefly; every org change invalidates it. */
@Injectable()
export class OrgTreeService {
  private cache: { at: number; units: OrgUnitEntity[]; byId: Map<string, OrgUnitEntity> } | null = null;

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
  }

  private async load() {
    if (this.cache && Date.now() - this.cache.at < TTL_MS) return this.cache;
    const units = await this.ds.getRepository(OrgUnitEntity).find({ order: { path: 'ASC', sortOrder: 'ASC' } });
    this.cache = { at: Date.now(), units, byId: new Map(units.map((u) => [u.id, u])) };
    return this.cache;
  }
}
