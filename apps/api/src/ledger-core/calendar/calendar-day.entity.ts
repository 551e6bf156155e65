import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDayKind, CalendarDaySource } from '@fazhi/contracts';

/**
 * A special day of the national holiday calendar (one calendar for the whole deployment): a
 * holiday, or a weekend day that is worked (调休). Ordinary days have no row.
 */
@Entity({ name: 'calendar_day' })
export class CalendarDayEntity {
  @PrimaryColumn('date') date!: string;
  @Column('varchar', { length: 16 }) kind!: CalendarDayKind;
  @Column('varchar', { length: 64 }) name!: string;
  @Column('varchar', { length: 16 }) source!: CalendarDaySource;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}

/**
 * A year whose holiday arrangement is complete: a year of the kept national arrangement, or one
 * an administrator declared entered. Working days counted in a year without a row are provisional.
 */
@Entity({ name: 'calendar_year' })
export class CalendarYearEntity {
  @PrimaryColumn('int') year!: number;
  @Column('varchar', { length: 16 }) source!: CalendarDaySource;
  @Column('timestamptz', { name: 'entered_at' }) enteredAt!: Date;
  @Column('uuid', { name: 'entered_by', nullable: true }) enteredBy!: string | null;
  @Column('int', { default: 1 }) version!: number;
}
