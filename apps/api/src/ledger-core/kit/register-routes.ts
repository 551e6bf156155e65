import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { LedgerType, Page, PermissionCode, UserChoiceDto } from '@fazhi/contracts';
import { RequireAllPermissions, RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { TownQuery } from '../../common/town-query';
import { VersionQuery } from '../../common/version';
import { AttachedRecords, AttachmentRoutes } from '../attachment-routes';
import { refusePersonalQuery } from '../personal-data/personal-fields';
import { RecordAttachments } from '../record-attachments';
import { paramTypes } from './record-routes';
import { UnmaskBody } from './register-entity';

/** What a register's service offers the register routes (the register service base has all of it). */
export interface RoutedRegister<Dto, Detail> extends AttachedRecords<Detail> {
  list(principal: Principal, query: object): Promise<Page<Dto>>;
  all(principal: Principal, query: object): Promise<Dto[]>;
  create(principal: Principal, body: object): Promise<Dto>;
  update?(principal: Principal, id: string, body: object): Promise<Dto>;
  remove(principal: Principal, id: string, version: number): Promise<void>;
  unmask(principal: Principal, id: string, body: { fields: string[]; reason: string }): Promise<Record<string, string | null>>;
  accounts(principal: Principal, townId: string | undefined): Promise<UserChoiceDto[]>;
}

/** The classes of a register's list query and bodies (validated as any DTO). */
export interface RegisterShapes {
  list: object;
  create: object;
  update: object;
}

export interface RegisterRoutesOptions<S extends RegisterShapes = RegisterShapes> {
  /** Reading takes any of these. */
  read: PermissionCode[];
  write: PermissionCode;
  listQuery: Type<S['list']>;
  createBody: Type<S['create']>;
  /** `PATCH :id` with this body. */
  updateBody?: Type<S['update']>;
  /** `GET` answers every row of the scope as an array, unpaged (a register of a few rows per town). */
  whole?: boolean;
  /** `POST search`: the list with its filters in the body. */
  search?: boolean;
  /** List filters that carry personal data: refused in a URL (they travel in `POST search`). */
  personalQuery?: string[];
  /** `POST :id/unmask` (with `personal.unmask`) of these personal fields: shown in full, audited with the reason. */
  unmask?: readonly string[];
  /** `GET accounts` (write permission): the town's accounts a row may be linked to. */
  accounts?: boolean;
  /** `DELETE :id?version=`: removes a row. */
  remove?: boolean;
  /** The evidence routes under this ledger key (`POST :id/attachments`, `GET`/`DELETE :id/attachments/:attachmentId`). */
  evidence?: LedgerType;
}

const uuid = new ParseUUIDPipe();

/**
 * The routes of a register: list (`GET`), detail (`GET :id`) and add (`POST`), and those its
 * options ask for (search, edit, remove, unmask, linked accounts, evidence). The register's
 * controller extends the class this returns, hands it the register's service and adds its own
 * routes; its own come first, so `GET officers` is matched before `GET :id`.
 */
export function RegisterRoutes<Dto, Detail = Dto, S extends RegisterShapes = RegisterShapes>(o: RegisterRoutesOptions<S>) {
  // Without `evidence` the evidence routes are taken off below, and their ledger key is never read.
  abstract class Routes extends AttachmentRoutes<Detail>(o.evidence!, { read: o.read[0], write: o.write }) {
    protected constructor(
      protected readonly register: RoutedRegister<Dto, Detail>,
      attachments?: RecordAttachments,
    ) {
      super(attachments!, register);
    }

    @RequirePermission(...o.read)
    @Get()
    list(@CurrentPrincipal() p: Principal, @Query() q: S['list']): Promise<Page<Dto> | Dto[]> {
      if (o.personalQuery) refusePersonalQuery(q, o.personalQuery);
      return o.whole ? this.register.all(p, q) : this.register.list(p, q);
    }

    /** The list with its filters in the body: a search by personal data never travels in a URL. */
    @RequirePermission(...o.read)
    @Post('search')
    @HttpCode(200)
    search(@CurrentPrincipal() p: Principal, @Body() q: S['list']): Promise<Page<Dto>> {
      return this.register.list(p, q);
    }

    @RequirePermission(o.write)
    @Get('accounts')
    accounts(@CurrentPrincipal() p: Principal, @Query() q: TownQuery): Promise<UserChoiceDto[]> {
      return this.register.accounts(p, q.townId);
    }

    @RequirePermission(...o.read)
    @Get(':id')
    get(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<Detail> {
      return this.register.get(p, id);
    }

    @RequirePermission(o.write)
    @Post()
    create(@CurrentPrincipal() p: Principal, @Body() body: S['create']): Promise<Dto> {
      return this.register.create(p, body);
    }

    @RequirePermission(o.write)
    @Patch(':id')
    update(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: S['update']): Promise<Dto> {
      return this.register.update!(p, id, body);
    }

    @RequirePermission(o.write)
    @Delete(':id')
    @HttpCode(204)
    remove(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: VersionQuery): Promise<void> {
      return this.register.remove(p, id, q.version);
    }

    @RequireAllPermissions(['personal.unmask'], o.read)
    @Post(':id/unmask')
    @HttpCode(200)
    unmask(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Body() body: { fields: string[]; reason: string }): Promise<Record<string, string | null>> {
      return this.register.unmask(p, id, body);
    }
  }
  const types: [string, number, Type<object> | undefined][] = [
    ['list', 1, o.listQuery],
    ['search', 1, o.listQuery],
    ['create', 1, o.createBody],
    ['update', 2, o.updateBody],
    ['unmask', 2, o.unmask && UnmaskBody(o.unmask)],
  ];
  paramTypes(
    Routes,
    types.filter((t): t is [string, number, Type<object>] => t[2] !== undefined),
  );
  const off: [boolean | undefined, string[]][] = [
    [o.search, ['search']],
    [o.accounts, ['accounts']],
    [o.updateBody !== undefined, ['update']],
    [o.remove, ['remove']],
    [o.unmask !== undefined, ['unmask']],
    [o.evidence !== undefined, ['upload', 'download', 'removeAttachment']],
  ];
  const handlers = Routes.prototype as unknown as Record<string, object>;
  for (const [wanted, methods] of off) if (!wanted) for (const m of methods) Reflect.deleteMetadata(PATH_METADATA, handlers[m]);
  return Routes;
}
