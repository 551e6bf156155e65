import { MigrationInterface, QueryRunner } from 'typeorm';

/** Serves the vessel list filtered by village and discovery dates within a town. */
export class VesselListIndex1764300000001 implements MigrationInterface {
  name = 'VesselListIndex1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_vessel_case_village_discovered" ON "vessel_case" ("town_id", "village_id", "discovered_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_vessel_case_village_discovered"`);
  }
}
