import { Global, Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { MyDeadlinesController } from './deadlines.controller';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';

/** Deadlines on ledger records (`DeadlinesService`, injectable by every ledger) and each user's due and overdue list. */
@Global()
@Module({
  imports: [CalendarModule],
  controllers: [MyDeadlinesController],
  providers: [DeadlinesRepository, DeadlinesService],
  exports: [DeadlinesService],
})
export class DeadlinesModule {}
