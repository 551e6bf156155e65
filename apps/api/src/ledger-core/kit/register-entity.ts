import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Column } from 'typeorm';
import { Trim } from '../../common/strings';
import { RecordPartEntity } from '../ledger-record.entity';

/** Columns every register row has: those of a record's child row (id, town, who/when created), who/when changed and the optimistic-locking version. Register entities extend it. */
export abstract class RegisterEntity extends RecordPartEntity {
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}

/** The body of a register's unmask: which of its personal `fields` to show in full, and why (audited). */
export function UnmaskBody<F extends string>(fields: readonly F[]) {
  class Unmask {
    @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(fields.length) @IsIn([...fields], { each: true }) fields!: F[];
    @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
  }
  return Unmask;
}
