import { PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { CALENDAR_DAY_KINDS, CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '@fazhi/contracts';
import type { CalendarDayInput, CalendarDayKind, CalendarYearInput } from '@fazhi/contracts';
import { Trim } from '../../common/strings';
import { dateOutOfCalendar, invalidPlainDate, yearOutOfCalendar } from './calendar.errors';
import { isPlainDate, yearOf } from './working-days';

export class CalendarYearQuery {
  @ApiProperty({ minimum: CALENDAR_MIN_YEAR, maximum: CALENDAR_MAX_YEAR })
  @Type(() => Number)
  @IsInt()
  @Min(CALENDAR_MIN_YEAR)
  @Max(CALENDAR_MAX_YEAR)
  year!: number;
}

export class PutCalendarDayDto implements CalendarDayInput {
  @ApiProperty({ enum: CALENDAR_DAY_KINDS }) @IsIn(CALENDAR_DAY_KINDS as string[]) kind!: CalendarDayKind;
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(64) name!: string;
  @ApiProperty({ description: 'The current version of the day, 0 when it has no entry yet' }) @IsInt() @Min(0) version!: number;
}

export class PutCalendarYearDto implements CalendarYearInput {
  @ApiProperty({ description: 'The current version of the year, 0 when it is not declared entered yet' }) @IsInt() @Min(0) version!: number;
}

/** A year route parameter within the calendar's years. */
export class CalendarYearPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    // The global pipe may already have made a number of the path segment.
    const text = typeof value === 'number' ? String(value) : value;
    const year = typeof text === 'string' && /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR)) throw yearOutOfCalendar('year');
    return year;
  }
}

/** A `YYYY-MM-DD` route parameter within the calendar's years. */
export class CalendarDatePipe implements PipeTransform<unknown, string> {
  constructor(private readonly path: string) {}

  transform(value: unknown): string {
    if (!isPlainDate(value)) throw invalidPlainDate(this.path);
    const year = yearOf(value);
    if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) throw dateOutOfCalendar(this.path);
    return value;
  }
}
