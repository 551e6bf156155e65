import { Body, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Type } from '@nestjs/common';
import { LedgerType, Page, PermissionCode } from '@fazhi/contracts';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { AttachedRecords, AttachmentRoutes } from '../attachment-routes';
import { TransitionDto, VoidDto } from '../ledger.dto';
import { refusePersonalQuery } from '../personal-data/personal-fields';
import { RecordAttachments } from '../record-attachments';

/** What a ledger's service offers the record routes (the record service base has all of it). */
export interface RoutedRecords<Dto, Detail> extends AttachedRecords<Detail> {
  list(principal: Principal, query: object): Promise<Page<Dto>>;
  create(principal: Principal, body: object): Promise<Dto>;
  update(principal: Principal, id: string, body: object): Promise<Dto>;
  transition(principal: Principal, id: string, body: TransitionDto): Promise<Detail>;
  voidRecord(principal: Principal, id: string, body: VoidDto): Promise<Dto>;
  reopen(principal: Principal, id: string, body: VoidDto): Promise<Dto>;
}

export interface RecordRoutesOptions {
  read: PermissionCode;
  write: PermissionCode;
  /** The classes of the list query and the create and update bodies (validated as any DTO). */
  listQuery: Type<object>;
  createBody: Type<object>;
  updateBody: Type<object>;
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
export function RecordRoutes<Dto, Detail>(ledger: LedgerType, o: RecordRoutesOptions) {
  abstract class Routes extends AttachmentRoutes<Detail>(ledger, { read: o.read, write: o.write }) {
    protected constructor(
      attachments: RecordAttachments,
      private readonly routed: RoutedRecords<Dto, Detail>,
    ) {
      super(attachments, routed);
    }

    @RequirePermission(o.read)
    @Get()
    list(@CurrentPrincipal() p: Principal, @Query() q: object): Promise<Page<Dto>> {
      if (o.personalQuery) refusePersonalQuery(q as Record<string, unknown>, o.personalQuery);
      return this.routed.list(p, q);
    }

    @RequirePermission(o.read)
    @Get(':id')
    get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<Detail> {
      return this.routed.get(p, id);
    }

    @RequirePermission(o.write)
    @Post()
    create(@CurrentPrincipal() p: Principal, @Body() body: object): Promise<Dto> {
      return this.routed.create(p, body);
    }

    @RequirePermission(o.write)
    @Patch(':id')
    update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: object): Promise<Dto> {
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
  // The validation pipe and the OpenAPI document read the parameters' classes from this metadata.
  const bodies: [method: keyof Routes, index: number, type: Type<object>][] = [['list', 1, o.listQuery], ['create', 1, o.createBody], ['update', 2, o.updateBody]];
  for (const [method, index, type] of bodies) {
    const types = [...(Reflect.getMetadata('design:paramtypes', Routes.prototype, method) as unknown[])];
    types[index] = type;
    Reflect.defineMetadata('design:paramtypes', types, Routes.prototype, method);
  }
  return Routes;
}
