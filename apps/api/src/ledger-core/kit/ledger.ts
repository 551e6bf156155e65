import { DynamicModule, Get, Query, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import type { Bilingual } from '../../common/app-exception';
import type { LedgerType, PermissionCode, TransitionRule } from '@fazhi/contracts';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import type { ResolvedScope } from '../../access/data-scope';
import { OrgTreeService } from '../../org/org-tree.service';
import type { OrgUnitEntity } from '../../org/org-unit.entity';
import { assertFilterInScope } from '../scope-filters';
import { StatisticsQuery } from './statistics.dto';

/**
 * What every figures service starts from, built once by the statistics route: the caller and the
 * scope, the year and the town asked for, the filter every figure's list filter starts from, and
 * the org tree (the villages' names and order).
 */
export interface FiguresRequest {
  principal: Principal;
  scope: ResolvedScope;
  year: number;
  townId?: string;
  /** `{ townId }` when a town is asked for, `{}` otherwise. */
  town: { townId?: string };
  /** The start of every figure's list filter: rows not void, of the town when one is asked for. */
  base: { voided: 'false'; townId?: string };
  units: Map<string, OrgUnitEntity>;
}

/** The figures request of a year in the caller's scope, optionally for one town. */
export function figuresRequest(principal: Principal, year: number, townId: string | undefined, units: Map<string, OrgUnitEntity>): FiguresRequest {
  const town = townId ? { townId } : {};
  return { principal, scope: principal.scope, year, townId, town, base: { voided: 'false', ...town }, units };
}

/** A ledger's figures service: one year of figures in the caller's scope, optionally for one town. */
export interface LedgerStatistics<T = unknown> {
  figures(request: FiguresRequest): Promise<T>;
}

/** A figure's definition (DOMAIN.md §4.1): the date that puts a row in a year and the condition. */
export interface FigureDefinition {
  ledger: string;
  date: string;
  condition: string;
}

/**
 * Everything the application needs to know about one ledger. The central lists (feature modules,
 * entities, migrations, statistics routes) are built from the registered descriptors
 * (`apps/api/src/ledgers.ts`), so a new ledger is its folder and one line there.
 */
/** A TypeORM entity class. */
export type EntityClass = Type<unknown>;
/** A TypeORM migration class. */
export type MigrationClass = Type<MigrationInterface>;

export interface LedgerDescriptor {
  key: LedgerType;
  /** The ledger's Nest module (controllers, repository, services). */
  module: Type<unknown>;
  /** Its TypeORM entities. */
  entities: EntityClass[];
  /** Migrations that touch only this ledger's tables (mixed ones stay in database/migrations). */
  migrations: MigrationClass[];
  /** The label between the town prefix and the year in its record numbers (`调` in 广海调〔2021〕第0001号). */
  numberLabel: string;
  /** The kinds of deadline its records open. */
  deadlineKinds: readonly string[];
  /** Its figures, each defined once. */
  figures: Readonly<Record<string, FigureDefinition>>;
  /** Its `GET /api/statistics/<path>` controller, a class on `StatisticsRoutes`. */
  statistics?: Type<unknown>;
  /** Its transition table and state labels. */
  workflow: { table: readonly TransitionRule<string>[]; labels: Record<string, Bilingual> };
}

export function defineLedger<const D extends LedgerDescriptor>(descriptor: D): D {
  return descriptor;
}

/**
 * The statistics route of a ledger, `GET /api/statistics/<path>`, answered by its figures service for
 * callers holding one of `permissions` (a filter outside the scope answers 404), given the
 * `FiguresRequest` built here. The ledger's
 * controller extends the class this returns, so the answer's type is the figures' own.
 */
export function StatisticsRoutes<T>(path: string, permissions: PermissionCode[]) {
  abstract class Routes {
    protected constructor(
      private readonly figures: LedgerStatistics<T>,
      private readonly tree: OrgTreeService,
    ) {}

    @RequirePermission(...permissions)
    @Get(path)
    async statistics(@CurrentPrincipal() p: Principal, @Query() q: StatisticsQuery): Promise<T> {
      const units = await this.tree.byId();
      assertFilterInScope(p.scope, units, q);
      return this.figures.figures(figuresRequest(p, q.year, q.townId, units));
    }
  }
  return Routes;
}

/** A ledger's module with the routes the core builds for it. */
export function ledgerModule(d: LedgerDescriptor): DynamicModule {
  return { module: d.module, controllers: d.statistics ? [d.statistics] : [] };
}

export const ledgerModules = (ledgers: readonly LedgerDescriptor[]) => ledgers.map(ledgerModule);
export const ledgerEntities = (ledgers: readonly LedgerDescriptor[]) => ledgers.flatMap((l) => l.entities);

/** Migrations in the order of their timestamps (the digits ending each class name). */
export function inMigrationOrder(migrations: MigrationClass[]): MigrationClass[] {
  const stamp = (m: MigrationClass) => Number(/(\d{13})$/.exec(m.name)?.[1] ?? 0);
  return [...migrations].sort((a, b) => stamp(a) - stamp(b));
}
