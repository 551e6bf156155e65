import { Delete, Get, HttpCode, Injectable, Post, Query, Req, Res } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { DocumentTemplateDto, PermissionCode } from '@fazhi/contracts';
import type { Request, Response } from 'express';
import { RequirePermission } from '../../access/access.decorators';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { TownQuery } from '../../common/town-query';
import { IsVersion } from '../../common/version';
import { contentDisposition } from '../attachments/file-names';
import { multipartVersion } from '../attachments/multipart';
import { DocumentTemplates, TEMPLATE_MAX_BYTES, TemplateKind } from '../documents/document-templates.service';
import { RecordPlaces } from '../record-place';
import { SpreadsheetUpload } from '../spreadsheet-upload';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a Word file, never cached. */
export function sendDocx(res: Response, file: { fileName: string; content: Buffer }): void {
  res.setHeader('Content-Type', DOCX);
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.content);
}

export class TownVersionQuery extends TownQuery {
  @ApiProperty() @Type(() => Number) @IsVersion() version!: number;
}

/** A town's Word template of one kind, for the caller's town (or `townId` in their scope). */
@Injectable()
export class LedgerTemplates {
  constructor(
    private readonly templates: DocumentTemplates,
    private readonly places: RecordPlaces,
  ) {}

  private async town(principal: Principal, townId: string | undefined): Promise<string> {
    return (await this.places.placeOf(principal, townId, null)).townId;
  }

  async info(principal: Principal, townId: string | undefined, kind: TemplateKind): Promise<DocumentTemplateDto> {
    return this.templates.info(await this.town(principal, townId), kind);
  }

  async file(principal: Principal, townId: string | undefined, kind: TemplateKind): Promise<{ fileName: string; content: Buffer }> {
    return this.templates.content(await this.town(principal, townId), kind);
  }

  /** Replaces the town's template after checking it holds every placeholder its kind needs. */
  async upload(principal: Principal, townId: string | undefined, kind: TemplateKind, file: { fileName: string; content: Buffer; fields: Record<string, string> }): Promise<DocumentTemplateDto> {
    const town = await this.town(principal, townId);
    const version = multipartVersion(file.fields, { zh: '请随文件提交模板的版本号', en: 'Send the template version with the file' });
    await this.templates.upload({ townId: town, kind, fileName: file.fileName, content: file.content, version, userId: principal.user.id });
    return this.templates.info(town, kind);
  }

  /** Goes back to the built-in template. */
  async reset(principal: Principal, townId: string | undefined, kind: TemplateKind, version: number): Promise<DocumentTemplateDto> {
    const town = await this.town(principal, townId);
    await this.templates.reset({ townId: town, kind, version, userId: principal.user.id });
    return this.templates.info(town, kind);
  }
}

/**
 * The routes of a ledger's Word template under `path` (`agreement-template`): `GET` (what the town
 * uses), `GET <path>.docx` (the file), `POST` (upload a .docx, its version in the form) and
 * `DELETE` (back to the built-in one). Reading needs one of `read`, changing `template.manage`.
 * The controller is registered before the ledger's record routes, so `GET :id` does not take the path.
 */
export function TemplateRoutes(o: { path: string; kind: TemplateKind; read: PermissionCode[] }) {
  abstract class Routes {
    protected constructor(
      protected readonly templates: LedgerTemplates,
      protected readonly uploads: SpreadsheetUpload,
    ) {}

    @RequirePermission(...o.read)
    @Get(o.path)
    template(@CurrentPrincipal() p: Principal, @Query() q: TownQuery): Promise<DocumentTemplateDto> {
      return this.templates.info(p, q.townId, o.kind);
    }

    @RequirePermission(...o.read)
    @Get(`${o.path}.docx`)
    async templateFile(@CurrentPrincipal() p: Principal, @Query() q: TownQuery, @Res() res: Response): Promise<void> {
      sendDocx(res, await this.templates.file(p, q.townId, o.kind));
    }

    @RequirePermission('template.manage')
    @Post(o.path)
    @HttpCode(200)
    async uploadTemplate(@CurrentPrincipal() p: Principal, @Query() q: TownQuery, @Req() req: Request): Promise<DocumentTemplateDto> {
      const file = await this.uploads.readFile(req, { maxBytes: TEMPLATE_MAX_BYTES, missing: { zh: '请选择 Word 模板文件(.docx)', en: 'Choose the Word template (.docx)' } });
      return this.templates.upload(p, q.townId, o.kind, file);
    }

    @RequirePermission('template.manage')
    @Delete(o.path)
    resetTemplate(@CurrentPrincipal() p: Principal, @Query() q: TownVersionQuery): Promise<DocumentTemplateDto> {
      return this.templates.reset(p, q.townId, o.kind, q.version);
    }
  }
  return Routes;
}
