import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { mkdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { invalidFields } from '../common/app-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { readMultipart } from './attachments/multipart';

/** The largest spreadsheet an import accepts. */
export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Reads the one `.xlsx` file of an import request into memory (size-capped; the temp file is removed). */
@Injectable()
export class SpreadsheetUpload {
  private readonly tmpDir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.tmpDir = path.join(config.dataDir, 'files', 'tmp');
  }

  async read(req: Request): Promise<{ fileName: string; content: Buffer }> {
    await mkdir(this.tmpDir, { recursive: true });
    const body = await readMultipart(req, { tmpDir: this.tmpDir, maxBytes: IMPORT_MAX_FILE_BYTES, maxFiles: 1, maxFields: 4, maxFieldBytes: 256 });
    try {
      const file = body.files[0];
      if (!file) throw invalidFields([{ path: 'file', code: 'required', message: { zh: '请选择要导入的 Excel 文件(.xlsx)', en: 'Choose the Excel file (.xlsx) to import' } }]);
      return { fileName: file.fileName, content: await readFile(file.tempPath) };
    } finally {
      await Promise.all(body.files.map((f) => rm(f.tempPath, { force: true })));
    }
  }
}
