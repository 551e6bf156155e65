import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadlines on ledger records: rule, pauses, extensions and due date. */
export class Deadlines1764100000001 implements MigrationInterface {
  name = 'Deadlines1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "deadline" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "ledger" character varying(32) NOT NULL, "record_id" uuid NOT NULL, "kind" character varying(48) NOT NULL, "title" character varying(200) NOT NULL, "rule_days" integer NOT NULL, "rule_unit" character varying(16) NOT NULL, "start_date" date NOT NULL, "base_due_date" date NOT NULL, "paused_from" date, "paused_days" integer NOT NULL DEFAULT '0', "extension_days" integer NOT NULL DEFAULT '0', "extension_reason" character varying(500), "extended_by" uuid, "due_date" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "assignee_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_9b68db28fc035ed8a84691bfbaf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_deadline_town_due" ON "deadline" ("town_id", "due_date") `);
    await q.query(`CREATE INDEX "ix_deadline_town_record" ON "deadline" ("town_id", "ledger", "record_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "deadline"`);
  }
}
