import { Global, Module } from '@nestjs/common';
import { NumberingService } from './numbering/numbering.service';
import { PersonalDataService } from './personal-data/personal-data.service';
import { RecordAttachments } from './record-attachments';
import { SpreadsheetUpload } from './spreadsheet-upload';
import { StatusHistoryService } from './status/status-history.service';

/** What every ledger shares: numbering, status history, personal-data protection and record evidence. */
@Global()
@Module({
  providers: [NumberingService, StatusHistoryService, PersonalDataService, RecordAttachments, SpreadsheetUpload],
  exports: [NumberingService, StatusHistoryService, PersonalDataService, RecordAttachments, SpreadsheetUpload],
})
export class LedgerCoreModule {}
