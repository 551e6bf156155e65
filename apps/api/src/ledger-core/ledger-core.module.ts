import { Global, Module } from '@nestjs/common';
import { DocumentTemplates } from './documents/document-templates.service';
import { RecordKit } from './kit/record-service';
import { LedgerTemplates } from './kit/template-routes';
import { RegisterKit } from './kit/register-service';
import { NumberingService } from './numbering/numbering.service';
import { PersonalDataService } from './personal-data/personal-data.service';
import { RecordLinks } from './links/record-links';
import { RecordLinksController } from './links/record-links.controller';
import { RecordAttachments } from './record-attachments';
import { RecordPlaces } from './record-place';
import { TownSettings } from './settings/town-settings.service';
import { SpreadsheetUpload } from './spreadsheet-upload';
import { RecordLifecycle } from './status/record-lifecycle';
import { StatusHistoryService } from './status/status-history.service';

const SHARED = [
  RecordKit,
  RegisterKit,
  NumberingService,
  StatusHistoryService,
  RecordLifecycle,
  PersonalDataService,
  RecordAttachments,
  RecordPlaces,
  SpreadsheetUpload,
  TownSettings,
  DocumentTemplates,
  RecordLinks,
  LedgerTemplates,
];

/**
 * What every ledger shares: numbering, status history with void and reopen, personal-data
 * protection, record places, record evidence, spreadsheet uploads, town settings, Word templates
 * and the links between records of two ledgers.
 */
@Global()
@Module({
  controllers: [RecordLinksController],
  providers: SHARED,
  exports: SHARED,
})
export class LedgerCoreModule {}
