import { Injectable } from '@nestjs/common';
import { ADVISOR_HANDOVER_KIND_LABELS, ADVISOR_SERVICE_COLUMNS, AdvisorServiceDto, ImportPreview } from '@fazhi/contracts';
import type { Response } from 'express';
import { Principal } from '../access/principal';
import { answerOf } from '../ledger-core/kit/fields';
import { LedgerSheets } from '../ledger-core/kit/record-routes';
import { AdvisorServiceCreateDto, AdvisorServiceExportQuery } from './advisor.dto';
import { AdvisorServiceRow } from './advisor.repository';
import { AdvisorService } from './advisor.service';

/** The 台账 layout of the service log (`ADVISOR_SERVICE_COLUMNS`) for the kit's export and import. */
@Injectable()
export class AdvisorExcelService implements LedgerSheets {
  constructor(private readonly services: AdvisorService) {}

  export(p: Principal, query: AdvisorServiceExportQuery, res: Response): Promise<void> {
    return this.services.exportXlsx(p, query, res, {
      title: (town) => `${town}村(社区)法律顾问服务台账`,
      sheetName: '法律顾问服务',
      columns: ADVISOR_SERVICE_COLUMNS,
      cells: (dto: AdvisorServiceDto) => ({
        ...dto,
        handover: dto.handover ? [ADVISOR_HANDOVER_KIND_LABELS[dto.handover.kind].zh, dto.handover.disputeNumber ?? dto.handover.receivingBody].filter(Boolean).join(' ') : null,
      }),
    });
  }

  async import(p: Principal, content: Buffer, opts: { townId?: string; commit: boolean }): Promise<ImportPreview> {
    const entries = await this.services.importPlan(p, opts.townId);
    return this.services.importXlsx(p, content, opts, {
      columns: ADVISOR_SERVICE_COLUMNS,
      villagesImport: true,
      requiredForCreate: ['villageName', 'advisorName', 'serviceDate', 'startTime', 'endTime', 'type', 'content'],
      personal: [
        { field: 'clientName', kind: 'name' },
        { field: 'clientPhone', kind: 'phone' },
      ],
      numberExample: (town) => `${town.numberPrefix ?? town.name}顾问〔2021〕第0001号`,
      cells: (v, planned) => entries.cells(v, planned.existing, planned.row.unchanged, planned.villageId),
      check: (em, _townId, planned, problem) => entries.check(em, planned, problem),
      auditBefore: answerOf<AdvisorServiceRow>()(['type', 'serviceDate', 'startTime', 'endTime', 'content']),
    });
  }
}

/** One row of the sheet as the import reads it. */
export type ImportedEntry = Partial<Omit<AdvisorServiceCreateDto, 'townId' | 'villageId' | 'advisorId'>> & { advisorName?: string };
