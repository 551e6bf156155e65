import { Global, Module } from '@nestjs/common';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/** Attachments for every ledger: ledgers inject {@link AttachmentsService} and call it from their own routes. */
@Global()
@Module({
  providers: [AttachmentsRepository, AttachmentsService],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
