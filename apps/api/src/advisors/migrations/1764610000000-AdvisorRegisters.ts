import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig } from '../../config/config';
import { PersonalDataService } from '../../ledger-core/personal-data/personal-data.service';

/** The advisor's business phone kept as personal data (encrypted, blind-indexed), and the villages' published service lists, every version kept. */
export class AdvisorRegisters1764610000000 implements MigrationInterface {
  name = 'AdvisorRegisters1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "advisor" ADD "phone_enc" text, ADD "phone_idx" character varying(64)`);
    const rows = (await q.query(`SELECT id, phone FROM "advisor"`)) as { id: string; phone: string }[];
    if (rows.length > 0) {
      const personal = new PersonalDataService(loadConfig());
      for (const r of rows) await q.query(`UPDATE "advisor" SET phone_enc = $2, phone_idx = $3 WHERE id = $1`, [r.id, personal.encrypt(r.phone), personal.blindIndex('phone', r.phone)]);
    }
    await q.query(`ALTER TABLE "advisor" DROP COLUMN "phone"`);
    await q.query(`CREATE INDEX "ix_advisor_phone" ON "advisor"  ("town_id", "phone_idx")`);
    await q.query(
      `CREATE TABLE "advisor_service_list" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "village_id" uuid NOT NULL, "list_version" character varying(32) NOT NULL, "published_on" date NOT NULL, "attachment_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "PK_advisor_service_list" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_advisor_service_list_village" ON "advisor_service_list"  ("town_id", "village_id", "published_on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "advisor_service_list"`);
    await q.query(`DROP INDEX IF EXISTS "ix_advisor_phone"`);
    await q.query(`ALTER TABLE "advisor" ADD "phone" character varying(20) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "advisor" ALTER COLUMN "phone" DROP DEFAULT, DROP COLUMN "phone_enc", DROP COLUMN "phone_idx"`);
  }
}
