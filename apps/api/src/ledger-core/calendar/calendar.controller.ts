import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CalendarDayDto, CalendarYearDto, CalendarYearEntryDto } from '@fazhi/contracts';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { VersionQuery } from '../../common/version';
import { CalendarDatePipe, CalendarYearPipe, CalendarYearQuery, PutCalendarDayDto, PutCalendarYearDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

const datePipe = new CalendarDatePipe('date');
const yearPipe = new CalendarYearPipe();

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @RequirePermission('calendar.manage')
  @Get()
  year(@Query() q: CalendarYearQuery): Promise<CalendarYearDto> {
    return this.calendar.year(q.year);
  }

  /** Declares the year's arrangement entered (after its days are). */
  @RequirePermission('calendar.manage')
  @Put('years/:year')
  enterYear(@CurrentPrincipal() p: Principal, @Param('year', yearPipe) year: number, @Body() body: PutCalendarYearDto): Promise<CalendarYearEntryDto> {
    return this.calendar.enterYear(p, year, body);
  }

  @RequirePermission('calendar.manage')
  @Delete('years/:year')
  @HttpCode(204)
  reopenYear(@Param('year', yearPipe) year: number, @Query() q: VersionQuery): Promise<void> {
    return this.calendar.reopenYear(year, q.version);
  }

  @RequirePermission('calendar.manage')
  @Put(':date')
  put(@CurrentPrincipal() p: Principal, @Param('date', datePipe) date: string, @Body() body: PutCalendarDayDto): Promise<CalendarDayDto> {
    return this.calendar.put(p, date, body);
  }

  @RequirePermission('calendar.manage')
  @Delete(':date')
  @HttpCode(204)
  remove(@CurrentPrincipal() p: Principal, @Param('date', datePipe) date: string, @Query() q: VersionQuery): Promise<void> {
    return this.calendar.remove(p, date, q.version);
  }
}
