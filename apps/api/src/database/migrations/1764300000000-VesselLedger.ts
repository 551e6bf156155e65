import { MigrationInterface, QueryRunner } from 'typeorm';

export class VesselLedger1764300000000 implements MigrationInterface {
  name = 'VesselLedger1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "campaign" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "number" character varying(64) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "status" character varying(32) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "handler_ids" uuid array NOT NULL DEFAULT '{}', "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', "date" date NOT NULL, "place" character varying(200) NOT NULL, "agencies" text array NOT NULL DEFAULT '{}', "closed_at" TIMESTAMP WITH TIME ZONE, "remark" character varying(1000), CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_campaign_date" ON "campaign" ("town_id", "date") `);
    await q.query(`CREATE UNIQUE INDEX "ux_campaign_number" ON "campaign" ("town_id", "number") `);
    await q.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "number" character varying(64) NOT NULL, "issued_on" date NOT NULL, "expires_on" date NOT NULL, "status" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_certificate_officer" ON "certificate" ("town_id", "officer_id") `);
    await q.query(`CREATE UNIQUE INDEX "ux_certificate_number" ON "certificate" ("town_id", "number") `);
    await q.query(
      `CREATE TABLE "certificate_event" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "certificate_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "date" date NOT NULL, "remark" character varying(500), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d14af3eefff2434de5c32adb058" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_certificate_event_cert" ON "certificate_event" ("town_id", "certificate_id", "date") `);
    await q.query(
      `CREATE TABLE "ledger_type" ("code" character varying(32) NOT NULL, "name" character varying(64) NOT NULL, "number_label" character varying(16) NOT NULL, CONSTRAINT "PK_b1c9d348c90935304eaedd22fe8" PRIMARY KEY ("code"))`,
    );
    await q.query(
      `CREATE TABLE "record_counter" ("town_id" uuid NOT NULL, "ledger" character varying(32) NOT NULL, "year" integer NOT NULL, "last_seq" integer NOT NULL, CONSTRAINT "PK_d06c18501447b603179fb9f8b13" PRIMARY KEY ("town_id", "ledger", "year"))`,
    );
    await q.query(
      `CREATE TABLE "status_history" ("id" BIGSERIAL NOT NULL, "town_id" uuid NOT NULL, "ledger" character varying(32) NOT NULL, "record_id" uuid NOT NULL, "from_status" character varying(32), "to_status" character varying(32) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" uuid, "remark" character varying(500), "data" jsonb, CONSTRAINT "PK_271a5228edb4eeb41bc01d58fac" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_status_history_reached" ON "status_history" ("town_id", "ledger", "to_status", "at") `);
    await q.query(`CREATE INDEX "ix_status_history_record" ON "status_history" ("town_id", "ledger", "record_id", "at") `);
    await q.query(
      `CREATE TABLE "vessel_case" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "number" character varying(64) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "status" character varying(32) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "handler_ids" uuid array NOT NULL DEFAULT '{}', "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', "discovered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(200) NOT NULL, "gps_lat" numeric(9,6), "gps_lng" numeric(9,6), "source" character varying(16) NOT NULL, "hull_material" character varying(16) NOT NULL, "length_m" numeric(6,2), "engine_power_kw" numeric(8,2), "gear_type" character varying(100), "gear_count" integer, "marks" character varying(200), "unclaimed" boolean NOT NULL DEFAULT false, "owner_name_enc" text, "owner_name_idx" character varying(64), "owner_id_enc" text, "owner_id_idx" character varying(64), "owner_phone_enc" text, "owner_phone_idx" character varying(64), "notice_start" date, "notice_end" date, "committed_on" date, "disposal" character varying(16), "dismantled_on" date, "dismantle_place" character varying(200), "campaign_id" uuid, "witnesses" character varying(500), "verified_on" date, "verified_by" character varying(100), "handed_over_on" date, "external_case_no" character varying(64), "remark" character varying(1000), CONSTRAINT "PK_a2692358dbbd0040e582c44e2a0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_vessel_case_owner_phone" ON "vessel_case" ("town_id", "owner_phone_idx") `);
    await q.query(`CREATE INDEX "ix_vessel_case_owner_id" ON "vessel_case" ("town_id", "owner_id_idx") `);
    await q.query(`CREATE INDEX "ix_vessel_case_owner_name" ON "vessel_case" ("town_id", "owner_name_idx") `);
    await q.query(`CREATE INDEX "ix_vessel_case_campaign" ON "vessel_case" ("town_id", "campaign_id") `);
    await q.query(`CREATE INDEX "ix_vessel_case_dismantled" ON "vessel_case" ("town_id", "dismantled_on") `);
    await q.query(`CREATE INDEX "ix_vessel_case_registered" ON "vessel_case" ("town_id", "registered_at") `);
    await q.query(`CREATE INDEX "ix_vessel_case_status" ON "vessel_case" ("town_id", "status") `);
    await q.query(`CREATE UNIQUE INDEX "ux_vessel_case_number" ON "vessel_case" ("town_id", "number") `);
    await q.query(
      `CREATE TABLE "vessel_persuasion" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "case_id" uuid NOT NULL, "date" date NOT NULL, "staff" character varying(100) NOT NULL, "measure" character varying(16) NOT NULL, "result" character varying(1000) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_40cb966e3a58ffecb1d20885824" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_vessel_persuasion_case" ON "vessel_persuasion" ("town_id", "case_id", "date") `);
    await q.query(`ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_officer" FOREIGN KEY ("officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "certificate_event" ADD CONSTRAINT "fk_certificate_event_cert" FOREIGN KEY ("certificate_id") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "vessel_case" ADD CONSTRAINT "fk_vessel_case_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "vessel_persuasion" ADD CONSTRAINT "fk_vessel_persuasion_case" FOREIGN KEY ("case_id") REFERENCES "vessel_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`INSERT INTO ledger_type (code, name, number_label) VALUES
        ('vessel-case', '涉渔三无船舶', '三无'),
        ('campaign', '集中销毁行动', '销毁'),
        ('dispute', '矛盾纠纷', '调'),
        ('advisor-service', '法律顾问服务', '顾问'),
        ('petition', '信访', '信'),
        ('hotline-ticket', '12345工单', '12345'),
        ('publicity-event', '普法活动', '普法'),
        ('training', '学法培训', '学法'),
        ('certificate', '执法证', '执法证'),
        ('admin-litigation', '行政复议诉讼', '复诉')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['vessel_persuasion', 'vessel_case', 'campaign', 'certificate_event', 'certificate', 'status_history', 'record_counter', 'ledger_type']) {
      await q.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
  }
}
