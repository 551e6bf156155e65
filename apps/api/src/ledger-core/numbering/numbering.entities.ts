import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Ledger types and the label of their record numbers (data, editable). */
@Entity({ name: 'ledger_type' })
export class LedgerTypeEntity {
  @PrimaryColumn('varchar', { length: 32 }) code!: string;
  @Column('varchar', { length: 64 }) name!: string;
  @Column('varchar', { name: 'number_label', length: 16 }) numberLabel!: string;
}

/** The last number given per town, ledger and registration year. Its row lock makes numbers gap-free. */
@Entity({ name: 'record_counter' })
export class RecordCounterEntity {
  @PrimaryColumn('uuid', { name: 'town_id' }) townId!: string;
  @PrimaryColumn('varchar', { length: 32 }) ledger!: string;
  @PrimaryColumn('int') year!: number;
  @Column('int', { name: 'last_seq' }) lastSeq!: number;
}
