import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The years whose holiday arrangement is complete in the calendar: the kept national
 * arrangement's years (brought in at start-up) and the years an administrator declared entered.
 */
export class CalendarYears1764520000000 implements MigrationInterface {
  name = 'CalendarYears1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "calendar_year" ("year" integer NOT NULL, "source" character varying(16) NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "entered_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_4a5f5b39f8e07f51dab5be6fed9" PRIMARY KEY ("year"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "calendar_year"`);
  }
}
