import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { mkdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { Bilingual, invalidFields } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { readMultipart } from './attachments/multipart';

/** The largest spreadsheet an import accepts. */
export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Reads the one file of an upload (an import's `.xlsx`, a template's `.docx`) into memory (size-capped; the temp file is removed). */
@Injectable()
export class SpreadsheetUpload {
  private readonly tmpDir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.tmpDir = path.join(config.dataDir, 'files', 'tmp');
  }

  async read(req: Request): Promise<{ fileName: string; content: Buffer }> {
    const { fileName, content } = await this.readFile(req, {
      maxBytes: IMPORT_MAX_FILE_BYTES,
      missing: { zh: '请选择要导入的 Excel 文件(.xlsx)', en: 'Choose the Excel file (.xlsx) to import' },
    });
    return { fileName, content };
  }

  /** Reads the one file of a request (any type; the caller checks it) with the form's text fields. */
  async readFile(req: Request, opts: { maxBytes: number; missing: Bilingual }): Promise<{ fileName: string; content: Buffer; fields: Record<string, string> }> {
    await mkdir(this.tmpDir, { recursive: true });
    const body = await readMultipart(req, { tmpDir: this.tmpDir, maxBytes: opts.maxBytes, maxFiles: 1, maxFields: 4, maxFieldBytes: 256 });
    try {
      const file = body.files[0];
      if (!file) throw invalidFields([{ path: 'file', code: 'required', message: opts.missing }]);
      return { fileName: file.fileName, content: await readFile(file.tempPath), fields: body.fields };
    } finally {
      await Promise.all(body.files.map((f) => rm(f.tempPath, { force: true })));
    }
  }
}
