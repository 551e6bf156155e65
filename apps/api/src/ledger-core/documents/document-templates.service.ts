import { Injectable } from '@nestjs/common';
import type { DocumentTemplateDto } from '@fazhi/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppException, staleVersion } from '../../common/app-exception';
import { Clock } from '../../common/clock';
import { assertZipWithinLimits } from '../excel/zip-guard';
import { docxPlaceholders, fillDocxTemplate, isDocx } from './docx-template';
import { placeholdersMissing, templateNotDocx, templateTooLarge } from './documents.errors';

/** The largest template accepted, and how far its parts may expand. */
export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;
const TEMPLATE_MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

/** A kind of document with the built-in template it falls back to. */
export interface TemplateKind {
  kind: string;
  fileName: string;
  /** Placeholders an uploaded template must hold (names without braces). */
  required: readonly string[];
  build(): Promise<Buffer>;
}

interface StoredTemplate {
  id: string;
  file_name: string;
  content: Buffer;
  size: number;
  sha256: string;
  placeholders: string[];
  uploaded_by: string | null;
  uploaded_at: Date;
  version: number;
}

/**
 * Word templates per town and kind: an uploaded template (checked to be a .docx holding every
 * placeholder its kind needs) replaces the built-in one, which is generated once per process.
 */
@Injectable()
export class DocumentTemplates {
  private readonly builtins = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private builtin(kind: TemplateKind): Promise<Buffer> {
    let content = this.builtins.get(kind.kind);
    if (!content) {
      content = kind.build();
      this.builtins.set(kind.kind, content);
      content.catch(() => this.builtins.delete(kind.kind));
    }
    return content;
  }

  private async stored(townId: string, kind: string, em: EntityManager = this.ds.manager, lock = false): Promise<StoredTemplate | null> {
    const [row] = await em.query<StoredTemplate[]>(`SELECT * FROM document_template WHERE town_id = $1 AND kind = $2${lock ? ' FOR UPDATE' : ''}`, [townId, kind]);
    return row ?? null;
  }

  async info(townId: string, kind: TemplateKind): Promise<DocumentTemplateDto> {
    // The details and the uploader's name in one read, without the file itself.
    const [row]: (Omit<StoredTemplate, 'content'> & { uploader_name: string | null })[] = await this.ds.query(
      `SELECT t.file_name, t.size, t.sha256, t.uploaded_at, t.uploaded_by, t.placeholders, t.version, u.display_name AS uploader_name
         FROM document_template t LEFT JOIN app_user u ON u.id = t.uploaded_by
        WHERE t.town_id = $1 AND t.kind = $2`,
      [townId, kind.kind],
    );
    if (row) {
      return {
        kind: kind.kind,
        townId,
        source: 'uploaded',
        fileName: row.file_name,
        size: row.size,
        sha256: row.sha256,
        uploadedAt: new Date(row.uploaded_at).toISOString(),
        uploadedBy: row.uploaded_by,
        uploadedByName: row.uploader_name,
        placeholders: row.placeholders,
        version: row.version,
      };
    }
    const content = await this.builtin(kind);
    return {
      kind: kind.kind,
      townId,
      source: 'builtin',
      fileName: kind.fileName,
      size: content.length,
      sha256: null,
      uploadedAt: null,
      uploadedBy: null,
      uploadedByName: null,
      placeholders: await docxPlaceholders(content),
      version: 0,
    };
  }

  /** The template in force for a town: its own, or the built-in one. */
  async content(townId: string, kind: TemplateKind): Promise<{ fileName: string; content: Buffer; source: 'builtin' | 'uploaded' }> {
    const row = await this.stored(townId, kind.kind);
    if (row) return { fileName: row.file_name, content: row.content, source: 'uploaded' };
    return { fileName: kind.fileName, content: await this.builtin(kind), source: 'builtin' };
  }

  /** Fills the town's template with the values of one document. */
  async render(townId: string, kind: TemplateKind, values: Record<string, string>): Promise<{ content: Buffer; source: 'builtin' | 'uploaded' }> {
    const template = await this.content(townId, kind);
    return { content: await fillDocxTemplate(template.content, values), source: template.source };
  }

  /** Checks an upload: size, zip expansion, a Word body, and every required placeholder. Answers the placeholders found. */
  async check(content: Buffer, kind: TemplateKind): Promise<string[]> {
    if (content.length > TEMPLATE_MAX_BYTES) throw templateTooLarge(TEMPLATE_MAX_BYTES);
    try {
      await assertZipWithinLimits(content, TEMPLATE_MAX_UNZIPPED_BYTES);
    } catch (e) {
      if (e instanceof AppException && e.getStatus() === 413) throw templateTooLarge(TEMPLATE_MAX_UNZIPPED_BYTES);
      throw templateNotDocx();
    }
    if (!(await isDocx(content))) throw templateNotDocx();
    const found = await docxPlaceholders(content);
    const missing = kind.required.filter((r) => !found.includes(r));
    if (missing.length) throw placeholdersMissing(missing);
    return found;
  }

  /** Replaces the town's template; `version` is the current one (0 while the built-in one applies). */
  async upload(o: { townId: string; kind: TemplateKind; fileName: string; content: Buffer; version: number; userId: string }): Promise<void> {
    const placeholders = await this.check(o.content, o.kind);
    const sha256 = createHash('sha256').update(o.content).digest('hex');
    await this.ds.transaction(async (em) => {
      const before = await this.stored(o.townId, o.kind.kind, em, true);
      if ((before?.version ?? 0) !== o.version) throw staleVersion();
      const now = this.clock.now();
      if (before) {
        await em.query(
          `UPDATE document_template SET file_name = $2, content = $3, size = $4, sha256 = $5, placeholders = $6, uploaded_by = $7, uploaded_at = $8, version = version + 1 WHERE id = $1`,
          [before.id, o.fileName, o.content, o.content.length, sha256, placeholders, o.userId, now],
        );
      } else {
        await em.query(
          `INSERT INTO document_template (id, town_id, kind, file_name, content, size, sha256, placeholders, uploaded_by, uploaded_at, version) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,1)`,
          [randomUUID(), o.townId, o.kind.kind, o.fileName, o.content, o.content.length, sha256, placeholders, o.userId, now],
        );
      }
      await this.audit.record(em, {
        action: 'document-template.upload',
        entity: 'document_template',
        entityId: null,
        townId: o.townId,
        before: before ? { kind: o.kind.kind, fileName: before.file_name, sha256: before.sha256 } : { kind: o.kind.kind, source: 'builtin' },
        after: { kind: o.kind.kind, fileName: o.fileName, sha256, size: o.content.length, placeholders },
      });
    });
  }

  /** Goes back to the built-in template. */
  async reset(o: { townId: string; kind: TemplateKind; version: number; userId: string }): Promise<void> {
    await this.ds.transaction(async (em) => {
      const before = await this.stored(o.townId, o.kind.kind, em, true);
      if (!before) return;
      if (before.version !== o.version) throw staleVersion();
      await em.query(`DELETE FROM document_template WHERE id = $1`, [before.id]);
      await this.audit.record(em, {
        action: 'document-template.reset',
        entity: 'document_template',
        entityId: null,
        townId: o.townId,
        before: { kind: o.kind.kind, fileName: before.file_name, sha256: before.sha256 },
        after: { kind: o.kind.kind, source: 'builtin' },
      });
    });
  }
}
