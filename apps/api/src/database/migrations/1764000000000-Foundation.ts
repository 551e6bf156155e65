import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "org_unit" ("id" uuid NOT NULL, "parent_id" uuid, "town_id" uuid, "level" character varying(16) NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "time_zone" character varying(64) NOT NULL DEFAULT 'Asia/Shanghai', "number_prefix" character varying(32), "sort_order" integer NOT NULL DEFAULT '0', "path" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_org_unit_code" ON "org_unit" ("code") `);
    await q.query(`CREATE INDEX "ix_org_unit_parent" ON "org_unit" ("parent_id") `);
    await q.query(`CREATE INDEX "ix_org_unit_town" ON "org_unit" ("town_id", "sort_order") `);
    await q.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL, "username" character varying(64) NOT NULL, "display_name" character varying(64) NOT NULL, "phone" character varying(32), "org_unit_id" uuid NOT NULL, "town_id" uuid, "password_hash" text NOT NULL, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "must_change_password" boolean NOT NULL DEFAULT true, "demo" boolean NOT NULL DEFAULT false, "status" character varying(16) NOT NULL DEFAULT 'active', "disabled_reason" character varying(200), "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_app_user_town" ON "app_user" ("town_id", "org_unit_id") `);
    await q.query(`CREATE UNIQUE INDEX "ux_app_user_username" ON "app_user" ("username") `);
    await q.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" character varying(32), "address" character varying(64), "user_agent" character varying(300), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_auth_session_user" ON "auth_session" ("user_id") `);
    await q.query(`CREATE UNIQUE INDEX "ux_auth_session_token" ON "auth_session" ("token_hash") `);
    await q.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "username" character varying(64) NOT NULL, "user_id" uuid, "town_id" uuid, "address" character varying(64), "user_agent" character varying(300), "success" boolean NOT NULL, "reason" character varying(32) NOT NULL, CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_login_attempt_town" ON "login_attempt" ("town_id", "at") `);
    await q.query(`CREATE INDEX "ix_login_attempt_address" ON "login_attempt" ("address", "at") `);
    await q.query(`CREATE INDEX "ix_login_attempt_username" ON "login_attempt" ("username", "at") `);
    await q.query(
      `CREATE TABLE "account_lock" ("username" character varying(64) NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE NOT NULL, "cleared_at" TIMESTAMP WITH TIME ZONE, "cleared_by" uuid, CONSTRAINT "PK_1f841493bbe8cb252c302fd11c6" PRIMARY KEY ("username"))`,
    );
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "town_id" uuid, "user_id" uuid, "username" character varying(64), "address" character varying(64), "request_id" character varying(64), "action" character varying(64) NOT NULL, "entity" character varying(64), "entity_id" character varying(64), "outcome" character varying(16) NOT NULL, "before" jsonb, "after" jsonb, "detail" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_audit_log_user" ON "audit_log" ("user_id", "at") `);
    await q.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity", "entity_id") `);
    await q.query(`CREATE INDEX "ix_audit_log_town_at" ON "audit_log" ("town_id", "at") `);
    await q.query(
      `CREATE TABLE "audit_seal" ("seq" bigint NOT NULL, "audit_id" bigint NOT NULL, "prev_hash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cdd96d1d006a28950144cd4b4c7" PRIMARY KEY ("seq"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_audit_seal_audit" ON "audit_seal" ("audit_id") `);
    await q.query(
      `CREATE TABLE "role" ("id" uuid NOT NULL, "code" character varying(48) NOT NULL, "name" character varying(64) NOT NULL, "name_en" character varying(64) NOT NULL, "default_scope" character varying(16) NOT NULL, "builtin" boolean NOT NULL DEFAULT false, "permissions" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_b36bcfe02fc8de3c57a8b2391c2" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ux_role_code" ON "role" ("code") `);
    await q.query(
      `CREATE TABLE "user_role" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "role_id" uuid NOT NULL, "org_unit_id" uuid NOT NULL, "town_id" uuid, "scope" character varying(16) NOT NULL, "village_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fb2e442d14add3cefbdf33c4561" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_user_role_town" ON "user_role" ("town_id") `);
    await q.query(`CREATE INDEX "ix_user_role_role" ON "user_role" ("role_id") `);
    await q.query(`CREATE INDEX "ix_user_role_user" ON "user_role" ("user_id") `);
    await q.query(
      `CREATE TABLE "security_policy" ("id" character varying(16) NOT NULL, "policy" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE, "updated_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_d79ec7f420d323e3b2972a2b356" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "seed_version" ("name" character varying(64) NOT NULL, "version" integer NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_89def31116e140f8c026fe67b1f" PRIMARY KEY ("name"))`,
    );
    await q.query(`ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit_parent" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "fk_auth_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "user_role" ADD CONSTRAINT "fk_user_role_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "user_role" ADD CONSTRAINT "fk_user_role_role" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "user_role" ADD CONSTRAINT "fk_user_role_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The audit trail is append-only: the database itself refuses to change or remove it.
    await q.query(`CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit rows are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_log', 'audit_seal']) {
      await q.query(`CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION audit_append_only()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['seed_version', 'security_policy', 'user_role', 'role', 'audit_seal', 'audit_log', 'account_lock', 'login_attempt', 'auth_session', 'app_user', 'org_unit']) {
      await q.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_append_only()`);
  }
}
