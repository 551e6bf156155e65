import { createInflateRaw } from 'node:zlib';
import { damagedXlsx, legacyXls, notAnXlsx, unzippedTooLarge } from './excel-errors';

/** One file of a zip archive as its central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;
/** An xlsx holds a few dozen parts; thousands of entries mean something else. */
const MAX_ENTRIES = 10_000;
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Bounds-checked little-endian reads that answer "damaged" instead of throwing RangeError. */
class Reader {
  constructor(private readonly buf: Buffer) {}

  need(pos: number, length: number): void {
    if (pos < 0 || pos + length > this.buf.length) throw damagedXlsx();
  }
  u16(pos: number): number {
    this.need(pos, 2);
    return this.buf.readUInt16LE(pos);
  }
  u32(pos: number): number {
    this.need(pos, 4);
    return this.buf.readUInt32LE(pos);
  }
  u64(pos: number): number {
    this.need(pos, 8);
    const value = this.buf.readBigUInt64LE(pos);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damagedXlsx();
    return Number(value);
  }
  text(pos: number, length: number): string {
    this.need(pos, length);
    return this.buf.toString('utf8', pos, pos + length);
  }
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  for (let pos = buf.length - EOCD_SIZE; pos >= lowest; pos--) {
    if (buf.readUInt32LE(pos) === SIG_EOCD) return pos;
  }
  throw damagedXlsx();
}

interface CentralDirectory {
  entries: number;
  offset: number;
  size: number;
}

function locateCentralDirectory(r: Reader, eocd: number): CentralDirectory {
  const cd = { entries: r.u16(eocd + 10), size: r.u32(eocd + 12), offset: r.u32(eocd + 16) };
  const zip64 = cd.entries === U16_MAX || cd.size === U32_MAX || cd.offset === U32_MAX;
  if (!zip64) return cd;
  const locator = eocd - 20;
  if (r.u32(locator) !== SIG_ZIP64_LOCATOR) throw damagedXlsx();
  const record = r.u64(locator + 8);
  if (r.u32(record) !== SIG_ZIP64_EOCD) throw damagedXlsx();
  return { entries: r.u64(record + 32), size: r.u64(record + 40), offset: r.u64(record + 48) };
}

/** Sizes and offset that did not fit in 32 bits live in the ZIP64 extra field, in this order. */
function applyZip64Extra(r: Reader, entry: ZipEntryInfo, extraStart: number, extraLength: number): void {
  let pos = extraStart;
  const end = extraStart + extraLength;
  while (pos + 4 <= end) {
    const id = r.u16(pos);
    const size = r.u16(pos + 2);
    if (id === ZIP64_EXTRA_ID) {
      let field = pos + 4;
      if (entry.uncompressedSize === U32_MAX) {
        entry.uncompressedSize = r.u64(field);
        field += 8;
      }
      if (entry.compressedSize === U32_MAX) {
        entry.compressedSize = r.u64(field);
        field += 8;
      }
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = r.u64(field);
      return;
    }
    pos += 4 + size;
  }
  if (entry.uncompressedSize === U32_MAX || entry.compressedSize === U32_MAX || entry.localHeaderOffset === U32_MAX) throw damagedXlsx();
}

/** Reads a zip's central directory without inflating anything. */
export function readZipDirectory(buf: Buffer): ZipEntryInfo[] {
  if (buf.length >= OLE2_MAGIC.length && buf.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) throw legacyXls();
  if (buf.length < EOCD_SIZE || buf.readUInt32LE(0) !== SIG_LOCAL) throw notAnXlsx();
  const r = new Reader(buf);
  const cd = locateCentralDirectory(r, findEndOfCentralDirectory(buf));
  if (cd.entries > MAX_ENTRIES) throw damagedXlsx();
  r.need(cd.offset, cd.size);
  const entries: ZipEntryInfo[] = [];
  let pos = cd.offset;
  for (let i = 0; i < cd.entries; i++) {
    if (r.u32(pos) !== SIG_CENTRAL) throw damagedXlsx();
    const nameLength = r.u16(pos + 28);
    const extraLength = r.u16(pos + 30);
    const commentLength = r.u16(pos + 32);
    const entry: ZipEntryInfo = {
      name: r.text(pos + CENTRAL_SIZE, nameLength),
      flags: r.u16(pos + 8),
      method: r.u16(pos + 10),
      compressedSize: r.u32(pos + 20),
      uncompressedSize: r.u32(pos + 24),
      localHeaderOffset: r.u32(pos + 42),
    };
    applyZip64Extra(r, entry, pos + CENTRAL_SIZE + nameLength, extraLength);
    entries.push(entry);
    pos += CENTRAL_SIZE + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates raw deflate data only to count it, stopping as soon as it passes `cap`. */
async function inflatedSize(data: Buffer, cap: number): Promise<number> {
  const inflater = createInflateRaw();
  inflater.end(data);
  let total = 0;
  try {
    for await (const chunk of inflater) {
      total += (chunk as Buffer).length;
      if (total > cap) break;
    }
  } catch {
    throw damagedXlsx();
  } finally {
    inflater.destroy();
  }
  return total;
}

function entryData(r: Reader, buf: Buffer, entry: ZipEntryInfo): Buffer {
  const at = entry.localHeaderOffset;
  if (r.u32(at) !== SIG_LOCAL) throw damagedXlsx();
  const start = at + LOCAL_SIZE + r.u16(at + 26) + r.u16(at + 28);
  r.need(start, entry.compressedSize);
  return buf.subarray(start, start + entry.compressedSize);
}

/**
 * Refuses a workbook whose parts would expand beyond `maxUnzippedBytes`, before any parser inflates
 * it: first by the sizes the central directory declares, then by inflating each part into a counter
 * (constant memory) so that a part lying about its size is caught too.
 */
export async function assertZipWithinLimits(buf: Buffer, maxUnzippedBytes: number): Promise<void> {
  const entries = readZipDirectory(buf);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (declared > maxUnzippedBytes) throw unzippedTooLarge(maxUnzippedBytes);
  }
  const r = new Reader(buf);
  let actual = 0;
  for (const entry of entries) {
    if (entry.flags & FLAG_ENCRYPTED) throw damagedXlsx();
    const data = entryData(r, buf, entry);
    let size: number;
    if (entry.method === METHOD_STORED) size = data.length;
    else if (entry.method === METHOD_DEFLATE) size = await inflatedSize(data, maxUnzippedBytes - actual);
    else throw damagedXlsx();
    actual += size;
    if (actual > maxUnzippedBytes) throw unzippedTooLarge(maxUnzippedBytes);
    if (size !== entry.uncompressedSize) throw damagedXlsx();
  }
}
