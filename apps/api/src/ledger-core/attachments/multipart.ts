import busboy from 'busboy';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalidFields } from '../../common/app-exception';
import { inputProblems, inputRefusal } from '../../common/input-guard';
import { fieldTooLong, fileTooLarge, notMultipart, tooManyFiles, tooManyParts, uploadIncomplete } from './attachments.errors';
import { cleanFileName } from './file-names';

/**
 * The record version a multipart body carries in its `version` field (a whole number, not blank);
 * otherwise 400 on `version` with `message`.
 */
export function multipartVersion(fields: Record<string, string | undefined>, message: { zh: string; en: string }): number {
  const text = fields['version']?.trim() ?? '';
  const version = text === '' ? Number.NaN : Number(text);
  if (!Number.isInteger(version) || version < 0) throw invalidFields([{ path: 'version', code: 'required', message }]);
  return version;
}

/** One file of a multipart body, written to a temporary file while it arrived. */
export interface StreamedFile {
  fileName: string;
  tempPath: string;
  size: number;
  sha256: string;
}

export interface MultipartBody {
  files: StreamedFile[];
  fields: Record<string, string>;
}

export interface MultipartLimits {
  tmpDir: string;
  maxBytes: number;
  maxFiles: number;
  maxFields: number;
  maxFieldBytes: number;
  /** Runs once, when the first file begins, with the fields sent before it; no file is written until it settles, and a rejection ends the upload. */
  beforeFiles?: (fields: Readonly<Record<string, string>>) => Promise<void>;
}

/** Counts and hashes the bytes that pass through. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }
}

/**
 * Streams every file of a multipart/form-data request to its own temporary file, computing its
 * SHA-256 and size on the way. Past a limit, or when the client goes away, it stops reading,
 * deletes what it wrote and rejects; the rest of the request is drained so the answer reaches
 * the client.
 */
export function readMultipart(req: Request, limits: MultipartLimits): Promise<MultipartBody> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: {
        // busboy reports a file reaching the limit; one byte more tells a file past it.
        fileSize: limits.maxBytes + 1,
        files: limits.maxFiles,
        fields: limits.maxFields,
        fieldSize: limits.maxFieldBytes,
        parts: limits.maxFiles + limits.maxFields,
      },
    });
  } catch {
    req.resume();
    return Promise.reject(notMultipart());
  }
  const bb = parser;

  return new Promise<MultipartBody>((resolve, reject) => {
    const files: (StreamedFile | undefined)[] = [];
    const fields: Record<string, string> = {};
    const written: string[] = [];
    const writes: Promise<void>[] = [];
    /** A temporary file is opened asynchronously: it may appear after its stream was destroyed, so removal waits for each to close. */
    const closings: Promise<void>[] = [];
    const streams: { destroy(): void }[] = [];
    let failed = false;
    let finished = false;
    let filesAllowed: Promise<void> | undefined;

    const fail = (error: unknown): void => {
      if (failed || finished) return;
      failed = true;
      req.unpipe(bb);
      req.resume();
      // Every stream of a file is ended here: a pipeline whose source is destroyed while it is
      // still being fed does not always tear down the rest of itself.
      for (const stream of streams) stream.destroy();
      void Promise.allSettled(writes)
        .then(() => Promise.all(closings))
        .then(() => Promise.allSettled(written.map((p) => rm(p, { force: true }))))
        .then(() => reject(error));
    };

    bb.on('file', (_name, stream, info) => {
      if (failed) {
        stream.resume();
        return;
      }
      const index = files.length;
      files.push(undefined);
      const fileName = cleanFileName(info.filename);
      streams.push(stream);
      stream.on('limit', () => fail(fileTooLarge(fileName, limits.maxBytes)));
      // Until the record check lets the file be stored, nothing else listens to its stream: a body cut meanwhile fails here.
      stream.on('error', () => fail(uploadIncomplete()));
      filesAllowed ??= limits.beforeFiles ? limits.beforeFiles({ ...fields }) : Promise.resolve();
      const store = (): Promise<void> | undefined => {
        if (failed) return undefined;
        const tempPath = path.join(limits.tmpDir, `${randomUUID()}.part`);
        const meter = new Meter();
        const sink = createWriteStream(tempPath, { flags: 'wx', mode: 0o640 });
        closings.push(new Promise((closed) => sink.once('close', () => closed())));
        written.push(tempPath);
        streams.push(meter, sink);
        return pipeline(stream, meter, sink).then(
          () => {
            files[index] = { fileName, tempPath, size: meter.size, sha256: meter.hash.digest('hex') };
          },
          (error: unknown) => fail(uploadIncompleteOr(error)),
        );
      };
      writes.push(filesAllowed.then(store, (error: unknown) => fail(error)));
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) fail(fieldTooLong(name));
      else {
        const refusal = inputRefusal(inputProblems({ [name]: value }));
        if (refusal) fail(refusal);
        else fields[name] = value;
      }
    });
    bb.on('filesLimit', () => fail(tooManyFiles(limits.maxFiles)));
    bb.on('fieldsLimit', () => fail(tooManyParts()));
    bb.on('partsLimit', () => fail(tooManyParts()));
    bb.on('error', () => fail(uploadIncomplete()));
    bb.on('close', () => {
      void Promise.all(writes).then(() => {
        if (failed) return;
        finished = true;
        resolve({ files: files.filter((f): f is StreamedFile => f !== undefined), fields });
      });
    });
    req.on('error', () => fail(uploadIncomplete()));
    req.on('close', () => {
      if (!req.complete) fail(uploadIncomplete());
    });
    req.pipe(bb);
  });
}

/** A write that failed on our side (disk full, permissions) is ours to report as such; a cut stream is the client's. */
function uploadIncompleteOr(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' ? uploadIncomplete() : error;
}
