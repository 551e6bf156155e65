import { MigrationInterface, QueryRunner } from 'typeorm';

/** The latest password hashes of each account, so that a new password cannot repeat one of them. */
export class PasswordHistory1764500000000 implements MigrationInterface {
  name = 'PasswordHistory1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "password_history" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_password_history" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_password_history_user" ON "password_history" ("user_id", "created_at") `);
    await q.query(`ALTER TABLE "password_history" ADD CONSTRAINT "fk_password_history_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`INSERT INTO "password_history" ("user_id", "password_hash", "created_at") SELECT "id", "password_hash", "password_changed_at" FROM "app_user"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "password_history"`);
  }
}
