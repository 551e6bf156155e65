import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which version of each data seed has been applied to this database. */
@Entity({ name: 'seed_version' })
export class SeedVersionEntity {
  @PrimaryColumn('varchar', { length: 64 }) name!: string;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'applied_at' }) appliedAt!: Date;
}
