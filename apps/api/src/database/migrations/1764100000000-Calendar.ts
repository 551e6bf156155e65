import { MigrationInterface, QueryRunner } from 'typeorm';

/** The holiday calendar; its days are brought in from the kept national arrangement at start-up. */
export class Calendar1764100000000 implements MigrationInterface {
  name = 'Calendar1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "calendar_day" ("date" date NOT NULL, "kind" character varying(16) NOT NULL, "name" character varying(64) NOT NULL, "source" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_82404934db32af18c10dfe7087e" PRIMARY KEY ("date"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "calendar_day"`);
  }
}
