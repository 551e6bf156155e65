import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** An entity's property name and column name. */
export type ColumnPair = [property: string, column: string];

/** The columns of an entity, from TypeORM's metadata. */
export function entityColumns(ds: DataSource, entity: EntityTarget<ObjectLiteral>): ColumnPair[] {
  return ds.getMetadata(entity).columns.map((c) => [c.propertyName, c.databaseName]);
}

/**
 * A SELECT list naming every column of `alias` by its property (behind `prefix`, where a join
 * needs one), so the raw rows of a hot path read as the entity without TypeORM's hydration.
 */
export function selectList(alias: string, cols: ColumnPair[], prefix = ''): string {
  return cols.map(([prop, col]) => `${alias}."${col}" AS "${prefix}${prop}"`).join(', ');
}

/** The properties behind `prefix` of a raw row, as the entity. */
export function entityOf<T>(row: Record<string, unknown>, cols: ColumnPair[], prefix: string): T {
  return Object.fromEntries(cols.map(([prop]) => [prop, row[`${prefix}${prop}`]])) as T;
}
