import { Module } from '@nestjs/common';
import { DisputeLedgerModule } from '../disputes/dispute-ledger.module';
import { StatisticsController } from './statistics.controller';

/** The figures of every ledger (`/api/statistics/*`); each ledger module provides its own figures service. */
@Module({
  imports: [DisputeLedgerModule],
  controllers: [StatisticsController],
})
export class StatisticsModule {}
