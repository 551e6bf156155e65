import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import * as path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}(\.thumb\.jpg)?$/;
const CONTENT_FILE = /^[0-9a-f]{64}(\.thumb\.jpg)?$/;
const SHARD = /^[0-9a-f]{2}$/;

/** A file in the store that no one may be writing any more: a temporary file or a content file. */
export interface StoredFile {
  /** The content key (`ab/abcd…`), or null for a temporary file. */
  key: string | null;
  path: string;
  modifiedMs: number;
}

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files by content under one folder: `<sha[0..2]>/<sha>` and its thumbnail `<sha>.thumb.jpg`,
 * with uploads in progress under `tmp/`. The same content is stored once.
 */
export class AttachmentStore {
  readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  async ready(): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true, mode: 0o750 });
  }

  contentKey(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return `${sha256.slice(0, 2)}/${sha256}`;
  }

  thumbnailKey(sha256: string): string {
    return `${this.contentKey(sha256)}.thumb.jpg`;
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(this.root, key);
  }

  isTemporary(file: string): boolean {
    return path.dirname(path.resolve(file)) === this.tmpDir;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.pathOf(key));
      return true;
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
  }

  /**
   * Moves a temporary file to its content address. When the content is already there the
   * temporary file is dropped and the stored one is touched, so an orphan sweep running past
   * its grace period leaves it to the row about to reference it.
   */
  async promote(tempPath: string, key: string): Promise<void> {
    if (!this.isTemporary(tempPath)) throw new Error(`not a temporary upload: ${tempPath}`);
    const target = this.pathOf(key);
    if (await this.exists(key)) {
      const now = new Date();
      await utimes(target, now, now);
      await rm(tempPath, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
    await rename(tempPath, target);
  }

  async removeTemporary(files: readonly (string | null)[]): Promise<void> {
    await Promise.all(files.filter((f): f is string => f !== null && this.isTemporary(f)).map((f) => rm(f, { force: true })));
  }

  /** Every temporary and content file last written before `cutoffMs`. */
  async filesOlderThan(cutoffMs: number): Promise<StoredFile[]> {
    const found: StoredFile[] = [];
    const collect = async (dir: string, keyOf: (name: string) => string | null | undefined) => {
      for (const name of await listDir(dir)) {
        const key = keyOf(name);
        if (key === undefined) continue;
        const file = path.join(dir, name);
        const info = await stat(file).catch((e: unknown) => (isMissing(e) ? null : Promise.reject(e)));
        if (info?.isFile() && info.mtimeMs < cutoffMs) found.push({ key, path: file, modifiedMs: info.mtimeMs });
      }
    };
    await collect(this.tmpDir, () => null);
    for (const shard of (await listDir(this.root)).filter((n) => SHARD.test(n))) {
      await collect(path.join(this.root, shard), (name) => (CONTENT_FILE.test(name) && name.startsWith(shard) ? `${shard}/${name}` : undefined));
    }
    return found;
  }

  async delete(file: StoredFile): Promise<void> {
    await rm(file.path, { force: true });
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if (isMissing(e)) return [];
    throw e;
  }
}
