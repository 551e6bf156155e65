import { MigrationInterface, QueryRunner } from 'typeorm';

/** The dispute mediation ledger, the peace officer register, notifications, town settings and document templates. */
export class Disputes1764400000000 implements MigrationInterface {
  name = 'Disputes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "dispute" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "number" character varying(64) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "status" character varying(32) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "handler_ids" uuid array NOT NULL DEFAULT '{}', "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" character varying(500), "voided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', "occurred_on" date NOT NULL, "source" character varying(16) NOT NULL, "category" character varying(24) NOT NULL, "summary" character varying(2000) NOT NULL, "place" character varying(200), "risk_level" character varying(16) NOT NULL DEFAULT 'normal', "warning_raised_at" TIMESTAMP WITH TIME ZONE, "warning_reason" character varying(500), "police_informed_on" date, "police_unit" character varying(100), "warning_measures" character varying(1000), "warning_resolved_at" TIMESTAMP WITH TIME ZONE, "warning_resolution" character varying(500), "mediator_ids" uuid array NOT NULL DEFAULT '{}', "accepted_on" date, "refused_on" date, "refusing_party_id" uuid, "refusal_reason" character varying(500), "agreement_form" character varying(8), "agreed_on" date, "facts" character varying(4000), "issues" character varying(2000), "responsibilities" character varying(2000), "terms" character varying(4000), "performance_manner" character varying(500), "performance_deadline" date, "terminated_on" date, "termination_reason" character varying(1000), "referral_route" character varying(16), "referral_note" character varying(500), "performance_status" character varying(16), "jc_applied_on" date, "jc_court" character varying(100), "jc_result" character varying(16), "jc_decided_on" date, "jc_case_no" character varying(64), "escalated_on" date, "escalation_level" character varying(16), "escalation_kind" character varying(16), "escalation_note" character varying(500), "archived_on" date, "archive_no" character varying(64), "remark" character varying(1000), CONSTRAINT "PK_e2f1f4741f2094ce789b0a7c5b3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_dispute_warning" ON "dispute"  ("town_id", "warning_raised_at")`);
    await q.query(`CREATE INDEX "ix_dispute_agreed" ON "dispute"  ("town_id", "agreed_on")`);
    await q.query(`CREATE INDEX "ix_dispute_village" ON "dispute"  ("town_id", "village_id")`);
    await q.query(`CREATE INDEX "ix_dispute_registered" ON "dispute"  ("town_id", "registered_at")`);
    await q.query(`CREATE INDEX "ix_dispute_status" ON "dispute"  ("town_id", "status")`);
    await q.query(`CREATE UNIQUE INDEX "ux_dispute_number" ON "dispute"  ("town_id", "number")`);
    await q.query(
      `CREATE TABLE "dispute_party" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "dispute_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "name_enc" text NOT NULL, "name_idx" character varying(64) NOT NULL, "id_number_enc" text, "id_number_idx" character varying(64), "phone_enc" text, "phone_idx" character varying(64), "address_enc" text, "address_idx" character varying(64), "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "PK_6b529db4250c0582aba4bf4fe9a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_dispute_party_phone" ON "dispute_party"  ("town_id", "phone_idx")`);
    await q.query(`CREATE INDEX "ix_dispute_party_id_number" ON "dispute_party"  ("town_id", "id_number_idx")`);
    await q.query(`CREATE INDEX "ix_dispute_party_name" ON "dispute_party"  ("town_id", "name_idx")`);
    await q.query(`CREATE INDEX "ix_dispute_party_dispute" ON "dispute_party"  ("town_id", "dispute_id")`);
    await q.query(
      `CREATE TABLE "dispute_session" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "dispute_id" uuid NOT NULL, "date" date NOT NULL, "place" character varying(200) NOT NULL, "attendees" character varying(500) NOT NULL, "record" character varying(4000) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0b7c5bf657eb0a326be000cbac4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_dispute_session_dispute" ON "dispute_session"  ("town_id", "dispute_id", "date")`);
    await q.query(
      `CREATE TABLE "dispute_follow_up" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "dispute_id" uuid NOT NULL, "date" date NOT NULL, "visitor" character varying(100) NOT NULL, "performance" character varying(16) NOT NULL, "satisfaction" character varying(24) NOT NULL, "new_risk" boolean NOT NULL DEFAULT false, "note" character varying(1000), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_79344cfbd225ffb9996807a3a42" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_dispute_follow_up_dispute" ON "dispute_follow_up"  ("town_id", "dispute_id", "date")`);
    await q.query(
      `CREATE TABLE "peace_officer" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid, "name" character varying(50) NOT NULL, "phone_enc" text, "phone_idx" character varying(64), "active_from" date NOT NULL, "active_to" date, "user_id" uuid, "remark" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_845f0ca9fccd0134242a8de0949" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_peace_officer_phone" ON "peace_officer"  ("town_id", "phone_idx")`);
    await q.query(`CREATE INDEX "ix_peace_officer_user" ON "peace_officer"  ("town_id", "user_id")`);
    await q.query(`CREATE INDEX "ix_peace_officer_active" ON "peace_officer"  ("town_id", "active_from", "active_to")`);
    await q.query(`CREATE INDEX "ix_peace_officer_village" ON "peace_officer"  ("town_id", "village_id")`);
    await q.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "body" character varying(1000), "link" character varying(300), "ledger" character varying(32), "record_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_notification_unread" ON "notification"  ("town_id", "recipient_id", "read_at")`);
    await q.query(`CREATE INDEX "ix_notification_recipient" ON "notification"  ("town_id", "recipient_id", "created_at")`);
    await q.query(
      `CREATE TABLE "town_setting" ("town_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_adf286b7266782966c72e8866e5" PRIMARY KEY ("town_id", "key"))`,
    );
    await q.query(
      `CREATE TABLE "document_template" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "kind" character varying(48) NOT NULL, "file_name" character varying(255) NOT NULL, "content" bytea NOT NULL, "size" integer NOT NULL, "sha256" character varying(64) NOT NULL, "placeholders" text array NOT NULL DEFAULT '{}', "uploaded_by" uuid, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_0e9c5bda0dd75f3bde7ae176c62" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_document_template_kind" ON "document_template"  ("town_id", "kind")`);
    await q.query(`ALTER TABLE "dispute_party" ADD CONSTRAINT "fk_dispute_party_dispute" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "dispute_session" ADD CONSTRAINT "fk_dispute_session_dispute" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "dispute_follow_up" ADD CONSTRAINT "fk_dispute_follow_up_dispute" FOREIGN KEY ("dispute_id") REFERENCES "dispute"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "peace_officer" ADD CONSTRAINT "fk_peace_officer_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_recipient" FOREIGN KEY ("recipient_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dispute_follow_up', 'dispute_session', 'dispute_party', 'dispute', 'peace_officer', 'notification', 'town_setting', 'document_template']) {
      await q.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
  }
}
