import type { Pool, QueryResult } from 'pg';
import { DataSource, DataSourceOptions, QueryFailedError, QueryRunner } from 'typeorm';

/**
 * The app's data source: a statement sent outside a transaction (`ds.query`, `ds.manager.query`)
 * goes straight to the driver's pool instead of through a query runner made and released for it,
 * with TypeORM's answer (the rows; `[rows, count]` for UPDATE and DELETE) and its error
 * (`QueryFailedError` with the driver's error). Transactions and entity operations, which bring
 * their own runner, are unchanged. Valid while query logging, slow-query logging and query
 * subscribers are off, as they are in the app (the runner would otherwise call them).
 */
export class LeanDataSource extends DataSource {
  private readonly lean: boolean;

  constructor(options: DataSourceOptions) {
    super(options);
    const o = options as { logging?: unknown; maxQueryExecutionTime?: number; subscribers?: unknown[] };
    this.lean = options.type === 'postgres' && !o.logging && !o.maxQueryExecutionTime && !o.subscribers?.length;
  }

  override async query<T = unknown>(query: string, parameters?: unknown[], queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner || !this.lean) return super.query<T>(query, parameters, queryRunner);
    const pool = (this.driver as unknown as { master: Pool }).master;
    let raw: QueryResult;
    try {
      raw = await pool.query(query, parameters);
    } catch (error) {
      throw new QueryFailedError(query, parameters, error as Error);
    }
    return (raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows) as T;
  }
}
