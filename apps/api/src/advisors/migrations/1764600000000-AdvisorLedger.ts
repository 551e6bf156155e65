import { MigrationInterface, QueryRunner } from 'typeorm';

/** The village legal advisors: the service log, the advisor register and its village assignments, the village attributes and the monthly checks. */
export class AdvisorLedger1764600000000 implements MigrationInterface {
  name = 'AdvisorLedger1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "advisor_service" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "number" character varying(64) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "status" character varying(32) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "handler_ids" uuid array NOT NULL DEFAULT '{}', "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', "advisor_id" uuid NOT NULL, "type" character varying(24) NOT NULL, "service_date" date NOT NULL, "start_time" character varying(5) NOT NULL, "end_time" character varying(5) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "minutes" integer NOT NULL, "client_name_enc" text, "client_name_idx" character varying(64), "client_phone_enc" text, "client_phone_idx" character varying(64), "content" character varying(2000) NOT NULL, "result" character varying(1000), "attendees" integer, "handover_kind" character varying(16), "handover_at" TIMESTAMP WITH TIME ZONE, "handover_receiving_body" character varying(200), "handover_note" character varying(500), "remark" character varying(1000), CONSTRAINT "PK_70083f94167a168fda58999f543" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_advisor_service_village_date" ON "advisor_service"  ("town_id", "village_id", "service_date")`);
    await q.query(`CREATE INDEX "ix_advisor_service_client_phone" ON "advisor_service"  ("town_id", "client_phone_idx")`);
    await q.query(`CREATE INDEX "ix_advisor_service_client_name" ON "advisor_service"  ("town_id", "client_name_idx")`);
    await q.query(`CREATE INDEX "ix_advisor_service_advisor_started" ON "advisor_service"  ("town_id", "advisor_id", "started_at")`);
    await q.query(`CREATE UNIQUE INDEX "ux_advisor_service_number" ON "advisor_service"  ("town_id", "number")`);
    await q.query(
      `CREATE TABLE "advisor" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "name" character varying(50) NOT NULL, "law_firm" character varying(100) NOT NULL, "licence_no" character varying(32) NOT NULL, "phone" character varying(20) NOT NULL, "user_id" uuid, "remark" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_41bd0367a08f2d8c34560a2785e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_advisor_user" ON "advisor"  ("town_id", "user_id")`);
    await q.query(
      `CREATE TABLE "advisor_assignment" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "advisor_id" uuid NOT NULL, "village_id" uuid NOT NULL, "from_date" date NOT NULL, "to_date" date, CONSTRAINT "PK_546af32ceed72321254ba3862b9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_advisor_assignment_advisor" ON "advisor_assignment"  ("town_id", "advisor_id")`);
    await q.query(`CREATE INDEX "ix_advisor_assignment_village" ON "advisor_assignment"  ("town_id", "village_id", "from_date")`);
    await q.query(
      `CREATE TABLE "advisor_village" ("village_id" uuid NOT NULL, "town_id" uuid NOT NULL, "has_room" boolean NOT NULL DEFAULT false, "room_address" character varying(200), "room_opened_on" date, "service_list_title" character varying(200), "service_list_version" character varying(32), "service_list_published_on" date, "service_list_attachment_id" uuid, "rule_of_law_level" character varying(16) NOT NULL DEFAULT 'none', "rule_of_law_year" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_e18f0ea427fa64da58e36447a11" PRIMARY KEY ("village_id"))`,
    );
    await q.query(`CREATE INDEX "ix_advisor_village_town" ON "advisor_village"  ("town_id")`);
    await q.query(
      `CREATE TABLE "advisor_month_check" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid NOT NULL, "month" character varying(7) NOT NULL, "status" character varying(16) NOT NULL, "remark" character varying(500), "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_by" uuid, "reopened_at" TIMESTAMP WITH TIME ZONE, "reopened_by" uuid, "reopen_reason" character varying(500), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_4e6312a0dfde5220adfba6f1e76" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_advisor_month_check" ON "advisor_month_check"  ("town_id", "village_id", "month")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['advisor_month_check', 'advisor_village', 'advisor_assignment', 'advisor', 'advisor_service']) await q.query(`DROP TABLE IF EXISTS "${table}"`);
  }
}
