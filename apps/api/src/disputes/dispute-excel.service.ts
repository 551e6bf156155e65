import { Injectable } from '@nestjs/common';
import { DISPUTE_COLUMNS, DISPUTE_PARTY_ROLE_LABELS, ImportPreview } from '@fazhi/contracts';
import type { Response } from 'express';
import { Principal } from '../access/principal';
import { columnsOf } from '../ledger-core/kit/fields';
import type { LedgerSheets } from '../ledger-core/kit/record-routes';
import { DisputeListQuery } from './dispute.dto';
import { DISPUTE_FIELDS } from './dispute.entities';
import { DisputeService, PLAIN } from './dispute.service';

/** The dispute ledger in the town's Excel layout: export with the list's filters, import in one step. */
@Injectable()
export class DisputeExcelService implements LedgerSheets {
  constructor(private readonly disputes: DisputeService) {}

  export(principal: Principal, query: DisputeListQuery & { unmask?: string }, res: Response): Promise<void> {
    const year = query.registeredYear ?? query.agreedYear ?? query.acceptedYear ?? query.concludedYear;
    return this.disputes.exportXlsx(principal, query, res, {
      title: (townName) => `${townName}${year ? `${year}年` : ''}矛盾纠纷排查化解台账`,
      sheetName: '矛盾纠纷台账',
      columns: DISPUTE_COLUMNS,
      cells: (dto) => ({
        ...dto,
        partyNames: dto.parties.map((p) => `${p.name}(${DISPUTE_PARTY_ROLE_LABELS[p.role]})`).join('、'),
        mediatorNames: dto.mediatorNames.join('、'),
      }),
    });
  }

  /** Checks every row; `commit` then applies all of them in one transaction, or none. */
  import(principal: Principal, content: Buffer, opts: { townId?: string; commit: boolean }): Promise<ImportPreview> {
    return this.disputes.importXlsx(principal, content, opts, {
      columns: DISPUTE_COLUMNS,
      requiredForCreate: ['occurredOn', 'source', 'category', 'summary'],
      personal: [],
      numberExample: (town) => `${town.numberPrefix ?? town.name}调〔2021〕第0001号`,
      cells: (values) => columnsOf(DISPUTE_FIELDS, PLAIN, values),
      auditBefore: (row) => this.disputes.toDto(row, []),
    });
  }
}
