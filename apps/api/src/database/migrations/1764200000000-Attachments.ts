import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1764200000000 implements MigrationInterface {
  name = 'Attachments1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "attachment" ("id" uuid NOT NULL, "town_id" uuid NOT NULL, "ledger" character varying(32) NOT NULL, "record_id" uuid NOT NULL, "stage" character varying(16) NOT NULL, "file_name" character varying(255) NOT NULL, "mime" character varying(100) NOT NULL, "size" bigint NOT NULL, "sha256" character varying(64) NOT NULL, "storage_key" character varying(100) NOT NULL, "thumbnail_key" character varying(100), "uploaded_by" uuid, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, "removed_by" uuid, CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_attachment_record" ON "attachment" ("town_id", "ledger", "record_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "attachment" CASCADE`);
  }
}
