import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Column, PrimaryColumn } from 'typeorm';
import { Trim } from '../../common/strings';

/** Columns every register row has: its town, the optimistic-locking version and who/when. Register entities extend it. */
export abstract class RegisterEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'town_id' }) townId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
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
