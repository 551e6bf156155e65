import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyed audit chain. Seals up to the legacy marker written here keep their plain SHA-256 links;
 * every later link is an HMAC with AUDIT_HMAC_KEY, and the sealer signs the chain's head into a
 * checkpoint after each run, so a cut-off tail or a rewrite without the key is detected.
 * Append-only like the audit tables.
 */
export class AuditCheckpoint1764510000000 implements MigrationInterface {
  name = 'AuditCheckpoint1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_checkpoint" ("id" BIGSERIAL NOT NULL, "kind" character varying(16) NOT NULL, "seal_seq" bigint NOT NULL, "head_hash" character varying(64) NOT NULL, "mac" character varying(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_audit_checkpoint" PRIMARY KEY ("id"))`,
    );
    await q.query(`INSERT INTO audit_checkpoint (kind, seal_seq, head_hash, mac, at)
      SELECT 'legacy', coalesce(max(seq), 0), coalesce((SELECT hash FROM audit_seal ORDER BY seq DESC LIMIT 1), repeat('0', 64)), NULL, now() FROM audit_seal`);
    await q.query(`CREATE TRIGGER audit_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON "audit_checkpoint"
      FOR EACH ROW EXECUTE FUNCTION audit_append_only()`);
    await q.query(`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_checkpoint"`);
  }
}
