import { EntityManager } from 'typeorm';
import { camelRow } from '../records';
import { insertRows, ListFilter, RecordRepository, RecordTable } from './record-repository';

/**
 * Child rows of a register row, declared as data (an advisor's villages served, a certificate's
 * events): its table, the column that points to the parent, the fields it answers (answer key →
 * column, in this order) and the columns it is ordered by. The parent's select answers them as a
 * JSON array under the child's name.
 */
export interface RegisterChild {
  table: string;
  parent: string;
  fields: Record<string, string>;
  order: string[];
}

/** A register's table as its repository reads it: a record table (filters, sorts, scope as data) and its children. */
export interface RegisterTable<F> extends RecordTable<F> {
  children?: Record<string, RegisterChild>;
}

/** The table with each child's rows in its select, as `<name>`: a JSON array in the child's order. */
export function registerTable<F>(spec: RegisterTable<F>): RegisterTable<F> {
  const children = Object.entries(spec.children ?? {}).map(([name, c]) => {
    const fields = Object.entries(c.fields).map(([key, column]) => `'${key}', x.${column}`);
    const order = c.order.map((column) => `x.${column}`).join(', ');
    return `COALESCE((SELECT json_agg(json_build_object(${fields.join(', ')}) ORDER BY ${order}) FROM ${c.table} x WHERE x.${c.parent} = ${spec.alias}.id), '[]') AS "${name}"`;
  });
  return { ...spec, select: [spec.select, ...children].join(', ') };
}

/**
 * The queries of a register (rows without a workflow: the peace-officer register, the certificates,
 * the advisors): everything the record repository answers from its table as data (list, count,
 * one row in scope, insert, versioned update), plus removal, the rows of a town by id, child rows
 * declared as data, and the town's accounts a row may be linked to. Scope is a required argument
 * of every read that answers rows to a caller.
 */
export abstract class RegisterRepository<Row extends { id: string }, F extends ListFilter> extends RecordRepository<Row, F> {
  protected abstract override readonly spec: RegisterTable<F>;

  /** Removes a row when its version still is `version`; false when stale or gone. */
  async remove(em: EntityManager, id: string, version: number): Promise<boolean> {
    const result = await em.query<[unknown[], number]>(`DELETE FROM "${this.table}" WHERE id = $1 AND version = $2`, [id, version]);
    return result[1] === 1;
  }

  /** Rows of a town by id, without the joins (any scope: the caller checked the record that names them). */
  async ofTown<T = Row>(em: EntityManager, townId: string, ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const rows = await em.query<Record<string, unknown>[]>(`SELECT * FROM "${this.table}" WHERE town_id = $1 AND id = ANY($2::uuid[])`, [townId, ids]);
    return rows.map((r) => camelRow<T>(r));
  }

  /** Adds rows of a child (column maps; the parent column is set here). */
  addChildren(em: EntityManager, child: string, parentId: string, rows: Record<string, unknown>[]): Promise<void> {
    const c = this.child(child);
    return insertRows(
      em,
      c.table,
      rows.map((r) => ({ ...r, [c.parent]: parentId })),
    );
  }

  /** Replaces every row of a child of the parent (the villages an advisor serves, as edited). */
  async replaceChildren(em: EntityManager, child: string, parentId: string, rows: Record<string, unknown>[]): Promise<void> {
    const c = this.child(child);
    await em.query(`DELETE FROM "${c.table}" WHERE "${c.parent}" = $1`, [parentId]);
    await this.addChildren(em, child, parentId, rows);
  }

  /** The town's active accounts a register row may be linked to. */
  accounts(townId: string): Promise<{ id: string; name: string }[]> {
    return this.ds.query(`SELECT id, display_name AS name FROM app_user WHERE town_id = $1 AND status = 'active' ORDER BY display_name, id`, [townId]);
  }

  /** Whether the user is an active account of the town. */
  async isTownAccount(em: EntityManager, townId: string, userId: string): Promise<boolean> {
    const [user] = await em.query<{ id: string }[]>(`SELECT id FROM app_user WHERE id = $1 AND town_id = $2 AND status = 'active'`, [userId, townId]);
    return user !== undefined;
  }

  private child(name: string): RegisterChild {
    const c = this.spec.children?.[name];
    if (!c) throw new Error(`${this.table} has no child ${name}`);
    return c;
  }
}
