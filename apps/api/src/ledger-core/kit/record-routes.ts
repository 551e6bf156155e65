import { Body, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res, Type } from '@nestjs/common';
import { ImportPreview, LedgerType, Page, PermissionCode } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { AttachedRecords, AttachmentRoutes } from '../attachment-routes';
import { ImportQuery, TransitionDto, VoidDto } from '../ledger.dto';
import { refusePersonalQuery } from '../personal-data/personal-fields';
import { RecordAttachments } from '../record-attachments';
import { SpreadsheetUpload } from '../spreadsheet-upload';

/** What a ledger's service offers the record routes (the record service base has all of it). */
export interface RoutedRecords<Dto, Detail> extends AttachedRecords<Detail> {
  list(principal: Principal, query: object): Promise<Page<Dto>>;
  create(principal: Principal, body: object): Promise<Dto>;
  update(principal: Principal, id: string, body: object): Promise<Dto>;
  transition(principal: Principal, id: string, body: TransitionDto): Promise<Detail>;
  voidRecord(principal: Principal, id: string, body: VoidDto): Promise<Dto>;
  reopen(principal: Principal, id: string, body: VoidDto): Promise<Dto>;
}

/** A ledger's sheets in its 台账 layout (the record service's `exportXlsx` and `importXlsx` with the layout). */
export interface LedgerSheets {
  export(principal: Principal, query: object, res: Response): Promise<void>;
  import(principal: Principal, content: Buffer, opts: { townId?: string; commit: boolean }): Promise<ImportPreview>;
}

/** The classes of a ledger's list query, create and update bodies and export query (validated as any DTO). */
export interface RecordShapes {
  list: object;
  create: object;
  update: object;
  export: object;
}

export interface RecordRoutesOptions<S extends RecordShapes = RecordShapes> {
  read: PermissionCode;
  write: PermissionCode;
  listQuery: Type<S['list']>;
  createBody: Type<S['create']>;
  updateBody: Type<S['update']>;
  /** List filters that carry personal data: refused in a URL (they travel in a POST body). */
  personalQuery?: string[];
}

const uuid = new ParseUUIDPipe();

/**
 * The routes every ledger has, on top of its evidence routes (`AttachmentRoutes`): list (`GET`),
 * detail (`GET :id`), create (`POST`), edit (`PATCH :id`), a workflow step (`POST :id/transitions`),
 * void and reopen. The ledger's controller extends the class this returns, hands it the ledger's
 * service and adds its own routes; its own come first, so `GET warnings` is matched before `GET :id`.
 */
export function RecordRoutes<Dto, Detail, S extends RecordShapes = RecordShapes>(ledger: LedgerType, o: RecordRoutesOptions<S>) {
  abstract class Routes extends AttachmentRoutes<Detail>(ledger, { read: o.read, write: o.write }) {
    protected constructor(
      attachments: RecordAttachments,
      protected readonly routed: RoutedRecords<Dto, Detail>,
      protected readonly sheets?: LedgerSheets,
      protected readonly uploads?: SpreadsheetUpload,
    ) {
      super(attachments, routed);
    }

    @RequirePermission(o.read)
    @Get()
    list(@CurrentPrincipal() p: Principal, @Query() q: S['list']): Promise<Page<Dto>> {
      if (o.personalQuery) refusePersonalQuery(q, o.personalQuery);
      return this.routed.list(p, q);
    }

    @RequirePermission(o.read)
    @Get(':id')
    get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<Detail> {
      return this.routed.get(p, id);
    }

    @RequirePermission(o.write)
    @Post()
    create(@CurrentPrincipal() p: Principal, @Body() body: S['create']): Promise<Dto> {
      return this.routed.create(p, body);
    }

    @RequirePermission(o.write)
    @Patch(':id')
    update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: S['update']): Promise<Dto> {
      return this.routed.update(p, id, body);
    }

    @RequirePermission(o.write)
    @Post(':id/transitions')
    @HttpCode(200)
    transition(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: TransitionDto): Promise<Detail> {
      return this.routed.transition(p, id, body);
    }

    @RequirePermission(o.write)
    @Post(':id/void')
    @HttpCode(200)
    voidRecord(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VoidDto): Promise<Dto> {
      return this.routed.voidRecord(p, id, body);
    }

    @RequirePermission('record.reopen')
    @Post(':id/reopen')
    @HttpCode(200)
    reopen(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: VoidDto): Promise<Dto> {
      return this.routed.reopen(p, id, body);
    }
  }
  paramTypes(Routes, [
    ['list', 1, o.listQuery],
    ['create', 1, o.createBody],
    ['update', 2, o.updateBody],
  ]);
  return Routes;
}

/**
 * The record routes with the ledger's sheets in its 台账 layout: `POST search` (the list, its filters
 * in the body), `GET`/`POST export.xlsx` (the export query's class) and `POST import`; the
 * controller hands over its sheets and the upload reader too.
 */
export function RecordSheetRoutes<Dto, Detail, S extends RecordShapes = RecordShapes>(ledger: LedgerType, o: RecordRoutesOptions<S> & { exportQuery: Type<S['export']> }) {
  abstract class SheetRoutes extends RecordRoutes<Dto, Detail, S>(ledger, o) {
    /** The list with its filters in the body: a search by personal data never travels in a URL. */
    @RequirePermission(o.read)
    @Post('search')
    @HttpCode(200)
    search(@CurrentPrincipal() p: Principal, @Body() q: S['list']): Promise<Page<Dto>> {
      return this.routed.list(p, q);
    }

    @RequirePermission(o.read)
    @Get('export.xlsx')
    async exportXlsx(@CurrentPrincipal() p: Principal, @Query() q: S['export'], @Res() res: Response): Promise<void> {
      if (o.personalQuery) refusePersonalQuery(q, o.personalQuery);
      await this.sheets!.export(p, q, res);
    }

    /** The export with the filters in the body, a personal-data search included. */
    @RequirePermission(o.read)
    @Post('export.xlsx')
    @HttpCode(200)
    async exportSearch(@CurrentPrincipal() p: Principal, @Body() q: S['export'], @Res() res: Response): Promise<void> {
      await this.sheets!.export(p, q, res);
    }

    @RequirePermission(o.write)
    @Post('import')
    @HttpCode(200)
    async importXlsx(@CurrentPrincipal() p: Principal, @Query() q: ImportQuery, @Req() req: Request): Promise<ImportPreview> {
      const { content } = await this.uploads!.read(req);
      return this.sheets!.import(p, content, { townId: q.townId, commit: q.mode === 'commit' });
    }
  }
  paramTypes(SheetRoutes, [
    ['search', 1, o.listQuery],
    ['exportXlsx', 1, o.exportQuery],
    ['exportSearch', 1, o.exportQuery],
  ]);
  return SheetRoutes;
}

/** Sets the class of a route's body or query: the validation pipe and the OpenAPI document read it from this metadata. */
export function paramTypes(routes: { prototype: object }, params: [method: string, index: number, type: Type<object>][]): void {
  for (const [method, index, type] of params) {
    const types = [...(Reflect.getMetadata('design:paramtypes', routes.prototype, method) as unknown[])];
    types[index] = type;
    Reflect.defineMetadata('design:paramtypes', types, routes.prototype, method);
  }
}
