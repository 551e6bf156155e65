import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { AppException } from '../../common/app-exception';
import { readLedgerXlsx, writeLedgerXlsxToBuffer } from './index';
import { assertZipWithinLimits, readZipDirectory } from './zip-guard';

const MB = 1024 * 1024;
const U32_MAX = 0xffffffff;

interface TestEntry {
  name: string;
  /** Bytes as stored (deflated when method is 8). */
  data: Buffer;
  method: number;
  /** The uncompressed size the archive declares. */
  declaredSize: number;
  /** Put the sizes in a ZIP64 extra field, as streaming zip writers do. */
  zip64?: boolean;
}

/** A minimal zip archive: local headers, central directory, end record (CRCs are not checked by the guard). */
function zipOf(entries: TestEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.zip64 ? U32_MAX : e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(e.zip64 ? 20 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(e.declaredSize), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.zip64 ? U32_MAX : e.data.length, 20);
    header.writeUInt32LE(e.zip64 ? U32_MAX : e.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(offset, 42);
    central.push(header, name, extra);
    parts.push(local, name, e.data);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * Raw deflate of `megabytes` MB of zeros, built from one flushed 1 MB block repeated (a full flush
 * ends byte-aligned with no back-references), so the test never holds the inflated data.
 */
function deflatedZeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(megabytes).fill(block), deflateRawSync(Buffer.alloc(0))]);
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppException,
  );

describe('zip guard', () => {
  it('builds its bombs correctly', () => {
    expect(inflateRawSync(deflatedZeros(3)).equals(Buffer.alloc(3 * MB))).toBe(true);
    expect(deflatedZeros(200).length).toBeLessThan(300 * 1024);
  });

  it('refuses a zip bomb by its central directory, before inflating anything', async () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), method: 0, declaredSize: 8 },
      { name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(200), method: 8, declaredSize: 200 * MB },
    ]);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const e = await rejection(readLedgerXlsx(bomb, { columns: [], limits: { maxFileBytes: MB, maxUnzippedBytes: 50 * MB, maxRows: 10 } }));
    expect(e).toBeInstanceOf(AppException);
    expect(e?.getStatus()).toBe(413);
    expect(e?.code).toBe('XLSX_EXPANDS_TOO_MUCH');
    expect(e?.messages.zh).toBe('文件解压后超过 50 MB,已拒绝导入(可能是异常文件)');

    // Garbage declared as 200 MB is refused as too large, not as undecodable: nothing was inflated.
    const undecodable = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('not deflate'), method: 8, declaredSize: 200 * MB }]);
    expect((await rejection(assertZipWithinLimits(undecodable, 50 * MB)))?.getStatus()).toBe(413);
  });

  it('catches a part that lies about its size, inflating only into a counter', async () => {
    const liar = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(200), method: 8, declaredSize: 1000 }]);
    const before = process.memoryUsage().arrayBuffers;
    const e = await rejection(assertZipWithinLimits(liar, 50 * MB));
    expect(e?.getStatus()).toBe(413);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * MB);

    const small = zipOf([{ name: 'a.xml', data: deflateRawSync(Buffer.from('hello '.repeat(100))), method: 8, declaredSize: 5 }]);
    expect((await rejection(assertZipWithinLimits(small, MB)))?.getStatus()).toBe(400);
  });

  it('reads ZIP64 sizes and refuses a ZIP64 bomb', async () => {
    const data = deflateRawSync(Buffer.from('<worksheet/>'));
    const entries = readZipDirectory(zipOf([{ name: 'x.xml', data, method: 8, declaredSize: 12, zip64: true }]));
    expect(entries).toEqual([{ name: 'x.xml', method: 8, flags: 0, compressedSize: data.length, uncompressedSize: 12, localHeaderOffset: 0 }]);
    const bomb = zipOf([{ name: 'x.xml', data, method: 8, declaredSize: 5 * 1024 * MB, zip64: true }]);
    expect((await rejection(assertZipWithinLimits(bomb, 100 * MB)))?.getStatus()).toBe(413);
  });

  it('accepts our own export and refuses damaged or unusual archives', async () => {
    const xlsx = await writeLedgerXlsxToBuffer({ title: 't', sheetName: 's', columns: [{ header: '甲', field: 'a', type: 'string' }], rows: [{ a: 'x' }], unmasked: false });
    await expect(assertZipWithinLimits(xlsx, 10 * MB)).resolves.toBeUndefined();
    expect(readZipDirectory(xlsx).map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');

    const damaged = [
      xlsx.subarray(0, xlsx.length - 30),
      Buffer.concat([xlsx.subarray(0, 200), Buffer.alloc(200), xlsx.subarray(400)]),
      zipOf([{ name: 'a.xml', data: Buffer.from('abc'), method: 0, declaredSize: 4 }]),
      zipOf([{ name: 'a.xml', data: Buffer.from('abc'), method: 12, declaredSize: 3 }]),
      zipOf([{ name: 'a.xml', data: Buffer.from('not deflate at all'), method: 8, declaredSize: 100 }]),
    ];
    for (const buf of damaged) expect((await rejection(assertZipWithinLimits(buf, 10 * MB)))?.code).toBe('XLSX_DAMAGED');

    const notAWorkbook = zipOf([{ name: 'readme.txt', data: Buffer.from('hello'), method: 0, declaredSize: 5 }]);
    const limits = { maxFileBytes: MB, maxUnzippedBytes: MB, maxRows: 10 };
    expect((await rejection(readLedgerXlsx(notAWorkbook, { columns: [], limits })))?.code).toBe('NOT_XLSX');
  });
});
