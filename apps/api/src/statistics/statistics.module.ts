import { Module } from '@nestjs/common';
import { VesselLedgerModule } from '../vessel-cases/vessel-ledger.module';
import { StatisticsController } from './statistics.controller';

/** The figures of every ledger (`/api/statistics/*`); each ledger module provides its own figures service. */
@Module({
  imports: [VesselLedgerModule],
  controllers: [StatisticsController],
})
export class StatisticsModule {}
