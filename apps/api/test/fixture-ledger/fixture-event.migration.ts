import { MigrationInterface, QueryRunner } from 'typeorm';

/** The fixture ledger's tables: the record columns every ledger has, then its own; and its guests (a part). */
export class FixtureEvents1799000000000 implements MigrationInterface {
  name = 'FixtureEvents1799000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "fixture_event" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "number" character varying(64) NOT NULL,
      "year" integer NOT NULL, "seq" integer NOT NULL, "status" character varying(32) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "handler_ids" uuid array NOT NULL DEFAULT '{}', "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT 1,
      "title" character varying(200) NOT NULL, "held_on" date, "audience" integer NOT NULL DEFAULT 0, "remark" character varying(500),
      CONSTRAINT "pk_fixture_event" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "ux_fixture_event_number" ON "fixture_event" ("town_id", "number")`);
    await q.query(`CREATE TABLE "fixture_event_guest" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "event_id" uuid NOT NULL REFERENCES "fixture_event" ("id") ON DELETE CASCADE,
      "name_enc" text NOT NULL, "name_idx" character varying(64) NOT NULL, "phone_enc" text, "phone_idx" character varying(64), "topic" character varying(200) NOT NULL,
      "sort_order" integer NOT NULL DEFAULT 0, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "pk_fixture_event_guest" PRIMARY KEY ("id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "fixture_event_guest"`);
    await q.query(`DROP TABLE IF EXISTS "fixture_event"`);
  }
}
