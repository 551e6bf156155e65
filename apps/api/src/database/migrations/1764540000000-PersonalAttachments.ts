import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments that hold personal data (a generated 人民调解协议书 names the parties with ID numbers
 * and phones) are marked, so downloading them needs the unmask permission. Agreements generated
 * before are marked from their generation's audit rows.
 */
export class PersonalAttachments1764540000000 implements MigrationInterface {
  name = 'PersonalAttachments1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "attachment" ADD "personal" boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE "attachment" SET "personal" = true
        WHERE "id" IN (SELECT ("after"->>'attachmentId')::uuid FROM "audit_log" WHERE "action" = 'dispute.agreement.generate' AND "after" ? 'attachmentId')
           OR ("ledger" = 'dispute' AND "stage" = 'document' AND "file_name" LIKE '%人民调解协议书.docx')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "attachment" DROP COLUMN "personal"`);
  }
}
