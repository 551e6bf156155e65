import { Global, Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { WorkingCalendar } from './working-calendar';

/** The holiday calendar and the working-day maths (`WorkingCalendar`), injectable by every ledger. */
@Global()
@Module({
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService, WorkingCalendar],
  exports: [WorkingCalendar],
})
export class CalendarModule {}
