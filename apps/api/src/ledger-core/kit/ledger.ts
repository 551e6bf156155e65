import { DynamicModule, Get, Query, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import type { Bilingual } from '../../common/app-exception';
import type { LedgerType, PermissionCode, TransitionRule } from '@fazhi/contracts';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { OrgTreeService } from '../../org/org-tree.service';
import { assertFilterInScope } from '../scope-filters';
import { StatisticsQuery } from './statistics.dto';

/** A ledger's figures service: one year of figures in the caller's scope, optionally for one town. */
export interface LedgerStatistics<T = unknown> {
  figures(principal: Principal, year: number, townId?: string): Promise<T>;
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
 * callers holding one of `permissions` (a filter outside the scope answers 404). The ledger's
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
      assertFilterInScope(p.scope, await this.tree.byId(), q);
      return this.figures.figures(p, q.year, q.townId);
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
