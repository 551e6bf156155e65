import { MigrationInterface, QueryRunner } from 'typeorm';

/** Links between records of two ledgers, kept by the core. */
export class RecordLinks1764590000000 implements MigrationInterface {
  name = 'RecordLinks1764590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "record_link" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "from_ledger" character varying(32) NOT NULL, "from_id" uuid NOT NULL, "from_number" character varying(64) NOT NULL, "to_ledger" character varying(32) NOT NULL, "to_id" uuid NOT NULL, "to_number" character varying(64) NOT NULL, "relation" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "PK_record_link" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_record_link_from" ON "record_link"  ("town_id", "from_ledger", "from_id") `);
    await q.query(`CREATE INDEX "ix_record_link_to" ON "record_link"  ("town_id", "to_ledger", "to_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "record_link"`);
  }
}
