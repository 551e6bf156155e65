import { Injectable } from '@nestjs/common';
import { ImportPreview, VESSEL_COLUMNS } from '@fazhi/contracts';
import type { Response } from 'express';
import { Principal } from '../access/principal';
import { PlannedImportRow } from '../ledger-core/ledger-spreadsheet';
import { PersonalDataService } from '../ledger-core/personal-data/personal-data.service';
import { VesselListQuery } from './vessel-case.dto';
import { VesselRow } from './vessel-case.repository';
import { columnOf } from '../ledger-core/kit/fields';
import { VESSEL_FIELDS } from './vessel-case.entities';
import { OWNER_FIELDS, PLAIN, VesselCaseService } from './vessel-case.service';

/** What the town's sheet carries of the registration (no coordinates, no notice dates). */
const EDITABLE = PLAIN.filter((field) => !['gpsLat', 'gpsLng', 'noticeStart', 'noticeEnd'].includes(field));

/** The vessel ledger in the town's Excel layout: export with the list's filters, import in one step. */
@Injectable()
export class VesselExcelService {
  constructor(
    private readonly vessels: VesselCaseService,
    private readonly personal: PersonalDataService,
  ) {}

  export(principal: Principal, query: VesselListQuery & { unmask?: string }, res: Response): Promise<void> {
    const year = query.registeredYear ?? query.dismantledYear ?? query.handedOverYear;
    return this.vessels.exportXlsx(principal, query, res, { title: (townName) => `${townName}${year ? `${year}年` : ''}涉渔“三无”船舶台账`, sheetName: '三无船舶台账', columns: VESSEL_COLUMNS });
  }

  /** Checks every row; `commit` then applies all of them in one transaction, or none. */
  import(principal: Principal, content: Buffer, opts: { townId?: string; commit: boolean }): Promise<ImportPreview> {
    return this.vessels.importXlsx(principal, content, opts, {
      columns: VESSEL_COLUMNS,
      requiredForCreate: ['discoveredAt', 'place', 'source', 'hullMaterial'],
      personal: Object.entries(OWNER_FIELDS).map(([field, o]) => ({ field, kind: o.personal })),
      numberExample: () => '广海三无〔2021〕第0001号',
      cells: (v, planned) => this.cells(v, planned),
      auditBefore: (row) => this.vessels.toDto(row),
    });
  }

  /** The columns a sheet row writes: a new case has no handler and is not unclaimed unless the sheet says so; masked owner cells stay as they are. */
  private cells(v: Record<string, unknown>, { existing, row }: PlannedImportRow<VesselRow>): Record<string, unknown> {
    const cells: Record<string, unknown> = existing ? {} : { handler_ids: [], unclaimed: false };
    for (const field of EDITABLE) if (v[field] !== undefined && (existing || v[field] !== null)) cells[columnOf(VESSEL_FIELDS, field)] = v[field];
    for (const [field, { personal: kind, column }] of Object.entries(OWNER_FIELDS)) {
      const value = v[field];
      if (existing ? row.unchanged.has(field) || value === undefined : typeof value !== 'string' || value === '') continue;
      Object.assign(cells, this.personal.columns(column, kind, value as string | null));
    }
    return cells;
  }
}
