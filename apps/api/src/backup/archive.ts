import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';

/** The slice of tar-stream 2 that we use (the package ships no types). */
interface TarHeader {
  name: string;
  /** 'file', 'directory' or another tar entry type */
  type?: string;
  size?: number;
  mode?: number;
  mtime?: Date;
}
interface TarPack extends Readable {
  entry(header: TarHeader, callback: (e?: Error) => void): Writable;
  finalize(): void;
}
interface TarExtract extends Writable {
  on(event: 'entry', fn: (header: TarHeader, stream: Readable, next: () => void) => void): this;
  on(event: string, fn: (...args: never[]) => void): this;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- tar-stream 2 ships no types; the interfaces above are its typed slice
const tar = require('tar-stream') as { pack(): TarPack; extract(): TarExtract };

export class BackupError extends Error {}

export interface ArchiveMember {
  path: string;
  type: 'file' | 'directory';
  /** Files only. */
  size?: number;
  sha256?: string;
}

export const MANIFEST_NAME = 'manifest.json';

/**
 * Writes a gzip-compressed tar with Node streams, hashing every member as it goes. The archive is
 * written to `<file>.partial` and renamed only when complete, so a failed backup leaves no file
 * that looks whole.
 */
export class ArchiveWriter {
  readonly members: ArchiveMember[] = [];
  private readonly pack = tar.pack();
  private readonly partial: string;
  private readonly done: Promise<void>;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    this.done = pipeline(this.pack, zlib.createGzip({ level: 1 }), fs.createWriteStream(this.partial, { mode: 0o600 }));
    this.done.catch(() => undefined);
  }

  addDirectory(name: string, mode = 0o700): Promise<void> {
    this.members.push({ path: name, type: 'directory' });
    return new Promise((resolve, reject) => {
      this.pack.entry({ name, type: 'directory', mode, mtime: new Date() }, (e) => (e ? reject(e) : resolve())).end();
    });
  }

  addBuffer(name: string, data: Buffer, mode = 0o600): Promise<void> {
    return this.addStream(name, data.length, Readable.from([data]), mode);
  }

  /**
   * Adds a file that may change while it is read (a live PostgreSQL data file): exactly the size
   * seen at the start is stored, padded with zeros if the file shrank; WAL replay repairs both.
   * Returns false when the file is gone.
   */
  async addLiveFile(name: string, absolute: string): Promise<boolean> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(absolute, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
    try {
      const stat = await handle.stat();
      const size = stat.size;
      const source = size === 0 ? Readable.from([]) : handle.createReadStream({ start: 0, end: size - 1, autoClose: false });
      await this.addStream(name, size, padTo(source, size), stat.mode & 0o777);
      return true;
    } finally {
      await handle.close();
    }
  }

  /**
   * Adds a folder's tree under `name`, in name order; `choose` says, by member name, whether an
   * entry is left out, kept as an empty folder, or copied (files are read as live files).
   */
  async addTree(absolute: string, name: string, choose: (member: string, entry: fs.Dirent) => 'skip' | 'empty' | 'copy'): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(absolute, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const member = `${name}/${entry.name}`;
      const child = path.join(absolute, entry.name);
      const choice = choose(member, entry);
      if (choice === 'skip') continue;
      if (entry.isSymbolicLink()) throw new BackupError(`${child} is a symbolic link: the backup copies only plain files and folders.`);
      if (entry.isDirectory()) {
        await this.addDirectory(member);
        if (choice === 'copy') await this.addTree(child, member, choose);
      } else if (entry.isFile()) {
        await this.addLiveFile(member, child);
      }
    }
  }

  /** Adds a file that does not change while it is read (a dump written before). */
  async addFile(name: string, absolute: string): Promise<void> {
    const stat = await fs.promises.stat(absolute);
    await this.addStream(name, stat.size, fs.createReadStream(absolute), stat.mode & 0o777);
  }

  /** Adds the manifest as the last member and closes the archive. */
  async finish(manifest: object): Promise<void> {
    const data = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await this.addStream(MANIFEST_NAME, data.length, Readable.from([data]), 0o600, false);
    this.pack.finalize();
    await this.done;
    await fs.promises.rename(this.partial, this.file);
  }

  /** Removes the unfinished archive after a failure. */
  async abandon(): Promise<void> {
    this.pack.destroy();
    await this.done.catch(() => undefined);
    await fs.promises.rm(this.partial, { force: true });
  }

  private async addStream(name: string, size: number, source: Readable, mode: number, listed = true): Promise<void> {
    const counter = new Hashing();
    await new Promise<void>((resolve, reject) => {
      const entry = this.pack.entry({ name, type: 'file', size, mode, mtime: new Date() }, (e) => (e ? reject(e) : resolve()));
      pipeline(source, counter, entry).catch(reject);
    });
    if (listed) this.members.push({ path: name, type: 'file', ...counter.result() });
  }
}

/** Passes `source` through, cut or padded with zeros to exactly `size` bytes. */
function padTo(source: Readable, size: number): Readable {
  let seen = 0;
  return source.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, callback) {
        const keep = Math.max(0, Math.min(chunk.length, size - seen));
        seen += keep;
        callback(null, keep === chunk.length ? chunk : chunk.subarray(0, keep));
      },
      flush(callback) {
        if (seen < size) this.push(Buffer.alloc(size - seen));
        callback();
      },
    }),
  );
}

/** A member's name is safe when it is relative, normalised and inside one of the expected roots. */
export function safeMemberName(name: string, roots: readonly string[]): string {
  const clean = name.replace(/\/+$/, '');
  const normal = path.posix.normalize(clean);
  if (normal !== clean || normal.startsWith('/') || normal.split('/').includes('..') || !roots.some((r) => normal === r || normal.startsWith(`${r}/`))) {
    throw new BackupError(`The archive holds an unexpected member "${name}": it is not a Fazhi Ledger backup, or it was altered.`);
  }
  return normal;
}

export interface ReadMember {
  name: string;
  type: 'file' | 'directory';
  mode: number;
  body: Readable;
}

/**
 * Reads a backup archive (.tar.gz or .tar), calling `onMember` for each member in order; the
 * member's body must be consumed before the promise resolves.
 */
export async function readArchive(file: string, onMember: (member: ReadMember) => Promise<void>): Promise<void> {
  const head = Buffer.alloc(2);
  const fd = await fs.promises.open(file, 'r');
  try {
    await fd.read(head, 0, 2, 0);
  } finally {
    await fd.close();
  }
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const type = header.type === 'directory' ? 'directory' : header.type === 'file' ? 'file' : null;
    if (!type) {
      extract.destroy(new BackupError(`The archive holds "${header.name}" of type ${header.type}: only files and folders are expected.`));
      return;
    }
    onMember({ name: header.name, type, mode: (header.mode ?? 0o600) & 0o777, body: stream }).then(next, (e: Error) => extract.destroy(e));
  });
  try {
    if (gzipped) await pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
    else await pipeline(fs.createReadStream(file), extract);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`The archive ${file} cannot be read (${(e as Error).message}): it is damaged or incomplete.`);
  }
}

/** Reads a member's body, returning its sha256 and size; `sink` receives the bytes when given. */
export async function hashMember(body: Readable, sink?: Writable): Promise<{ sha256: string; size: number }> {
  const counter = new Hashing();
  if (sink) await pipeline(body, counter, sink);
  else {
    body.pipe(counter);
    for await (const chunk of counter) void chunk;
  }
  return counter.result();
}

/** Passes bytes through, counting them and computing their sha256. */
class Hashing extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: (e: null, chunk: Buffer) => void): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }

  result(): { sha256: string; size: number } {
    return { sha256: this.hash.digest('hex'), size: this.size };
  }
}
