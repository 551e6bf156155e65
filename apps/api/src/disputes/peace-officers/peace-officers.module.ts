import { Module } from '@nestjs/common';
import { PeaceOfficerController } from './peace-officer.controller';
import { PeaceOfficerRepository } from './peace-officer.repository';
import { PeaceOfficerService } from './peace-officer.service';

/** The peace officer register; the dispute ledger's mediators point to it. */
@Module({
  controllers: [PeaceOfficerController],
  providers: [PeaceOfficerRepository, PeaceOfficerService],
  exports: [PeaceOfficerService, PeaceOfficerRepository],
})
export class PeaceOfficersModule {}
