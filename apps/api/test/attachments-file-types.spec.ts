import { cleanFileName, contentDisposition, thumbnailFileName } from '../src/ledger-core/attachments/file-names';
import { ALLOWED_TYPES, bufferSource, FileKind, RefusedKind, sniff, SniffResult } from '../src/ledger-core/attachments/file-types';
import * as f from './fixtures/attachments/fixtures';

const kindOf = async (bytes: Buffer | Promise<Buffer>): Promise<SniffResult> => sniff(bufferSource(await bytes));

describe('attachment file types, told by content', () => {
  const allowed: [string, () => Buffer | Promise<Buffer>, FileKind, string][] = [
    ['a JPEG photo', () => f.jpeg(), 'jpeg', 'image/jpeg'],
    ['a PNG image', () => f.png(), 'png', 'image/png'],
    ['a WebP image', () => f.webp(), 'webp', 'image/webp'],
    ['a HEIC photo (ftyp heic)', f.heic, 'heic', 'image/heic'],
    ['a HEIF image (ftyp mif1)', f.heif, 'heif', 'image/heif'],
    ['an MP4 video (ftyp isom)', f.mp4, 'mp4', 'video/mp4'],
    ['a QuickTime video (ftyp qt)', f.mov, 'mov', 'video/quicktime'],
    ['a video with a maker brand and a compatible mp42', f.sonyVideo, 'mp4', 'video/mp4'],
    ['a PDF', f.pdf, 'pdf', 'application/pdf'],
    ['a Word document', () => f.docx(), 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an Excel workbook written by exceljs', f.xlsx, 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a PowerPoint presentation', f.pptx, 'pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['a legacy Word document', f.doc, 'doc', 'application/msword'],
    ['a legacy Excel workbook', f.xls, 'xls', 'application/vnd.ms-excel'],
    ['a legacy PowerPoint presentation', f.ppt, 'ppt', 'application/vnd.ms-powerpoint'],
  ];
  it.each(allowed)('accepts %s', async (_what, make, kind, mime) => {
    const result = await kindOf(make());
    expect(result).toMatchObject({ allowed: true, type: { kind, mime } });
  });

  it('offers thumbnails for JPEG, PNG and WebP only', () => {
    expect(
      Object.values(ALLOWED_TYPES)
        .filter((t) => t.thumbnail)
        .map((t) => t.kind),
    ).toEqual(['jpeg', 'png', 'webp']);
  });

  const refused: [string, () => Buffer | Promise<Buffer>, RefusedKind][] = [
    ['a Linux executable (ELF)', f.elf, 'executable'],
    ['a Windows executable (MZ/PE)', f.mz, 'executable'],
    ['a macOS executable (Mach-O)', f.machO, 'executable'],
    ['a shell script', f.shellScript, 'script'],
    ['an SVG with a script', f.svg, 'markup'],
    ['an SVG after a byte-order mark and white space', f.bareSvg, 'markup'],
    ['an HTML page', f.html, 'markup'],
    ['an HTML page in UTF-16', f.utf16Html, 'markup'],
    ['a Word document with macros (docm)', f.docm, 'macro'],
    ['a legacy Word document with macros', f.docWithMacros, 'macro'],
    ['a zip that is not an Office package', f.plainZip, 'unknown'],
    ['an OLE file that is not Word, Excel or PowerPoint (MSI)', f.msi, 'unknown'],
    ['AVIF, although its brands list mif1', f.avif, 'unknown'],
    ['plain text', f.plainText, 'unknown'],
    ['a truncated PNG signature', () => Buffer.from([0x89, 0x50, 0x4e]), 'unknown'],
  ];
  it.each(refused)('refuses %s', async (_what, make, why) => {
    expect(await kindOf(make())).toEqual({ allowed: false, refused: why });
  });

  it('looks at the bytes, not the name: an executable is refused whatever it is called', async () => {
    expect(await kindOf(f.mz())).toEqual({ allowed: false, refused: 'executable' });
  });

  it('refuses a zip whose central directory cannot be found', async () => {
    const cut = f.docx().subarray(0, 200);
    expect(await kindOf(cut)).toEqual({ allowed: false, refused: 'unknown' });
  });
});

describe('attachment file names', () => {
  it('keeps Chinese names and drops folders, controls and direction overrides', () => {
    expect(cleanFileName('现场照片.jpg')).toBe('现场照片.jpg');
    expect(cleanFileName('C:\\Users\\张三\\桌面\\协议.docx')).toBe('协议.docx');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
    expect(cleanFileName('..')).toBe('file');
  });

  it('shortens long names to 255 characters and keeps the extension', () => {
    const name = cleanFileName(`${'案'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('案.pdf')).toBe(true);
  });

  it('names thumbnails after the original', () => {
    expect(thumbnailFileName('现场照片.png')).toBe('现场照片-thumbnail.jpg');
    expect(thumbnailFileName('scan')).toBe('scan-thumbnail.jpg');
  });

  it('writes Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('现场照片 (1).jpg')).toBe(`attachment; filename="____ (1).jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%20%281%29.jpg`);
    expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});
