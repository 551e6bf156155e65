/**
 * What an uploaded file really is, told from its bytes, never from its name or the client's
 * MIME type. An allow-list: photos, videos, PDF and Office documents are accepted; everything
 * else is refused, and executables, scripts and markup (HTML, SVG) are named as such.
 *
 * Pure: the bytes come through a {@link ByteSource}, so the same rules run on a buffer in tests
 * and on a file on disk in the service.
 */

export type FileKind = 'jpeg' | 'png' | 'webp' | 'heic' | 'heif' | 'mp4' | 'mov' | '3gp' | 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'xls' | 'ppt';

export interface AllowedType {
  kind: FileKind;
  mime: string;
  ext: string;
  /** A raster image the thumbnailer can decode. */
  thumbnail: boolean;
}

export type RefusedKind = 'executable' | 'script' | 'markup' | 'macro' | 'unknown';

export type SniffResult = { allowed: true; type: AllowedType } | { allowed: false; refused: RefusedKind };

/** Random access to the bytes of one file. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
}

export function bufferSource(buffer: Buffer): ByteSource {
  return { size: buffer.length, read: async (position, length) => buffer.subarray(position, position + length) };
}

/** How many leading bytes the signatures look at. */
export const HEAD_BYTES = 4096;

const type = (kind: FileKind, mime: string, ext: string, thumbnail = false): AllowedType => ({ kind, mime, ext, thumbnail });

export const ALLOWED_TYPES: Readonly<Record<FileKind, AllowedType>> = {
  jpeg: type('jpeg', 'image/jpeg', 'jpg', true),
  png: type('png', 'image/png', 'png', true),
  webp: type('webp', 'image/webp', 'webp', true),
  heic: type('heic', 'image/heic', 'heic'),
  heif: type('heif', 'image/heif', 'heif'),
  mp4: type('mp4', 'video/mp4', 'mp4'),
  mov: type('mov', 'video/quicktime', 'mov'),
  '3gp': type('3gp', 'video/3gpp', '3gp'),
  pdf: type('pdf', 'application/pdf', 'pdf'),
  docx: type('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  xlsx: type('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  pptx: type('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  doc: type('doc', 'application/msword', 'doc'),
  xls: type('xls', 'application/vnd.ms-excel', 'xls'),
  ppt: type('ppt', 'application/vnd.ms-powerpoint', 'ppt'),
};

export const REFUSED_LABELS: Readonly<Record<RefusedKind, { zh: string; en: string }>> = {
  executable: { zh: '可执行程序', en: 'an executable program' },
  script: { zh: '脚本', en: 'a script' },
  markup: { zh: '网页或 SVG 等标记文件', en: 'a web page, SVG or other markup' },
  macro: { zh: '含宏的 Office 文档', en: 'an Office document with macros' },
  unknown: { zh: '不支持的文件类型', en: 'a file type that is not accepted' },
};

/** ISO base media (`ftyp`) brands: HEIF stills and MP4/QuickTime/3GPP video. */
const FTYP_BRANDS: Readonly<Record<string, FileKind>> = {
  heic: 'heic',
  heix: 'heic',
  hevc: 'heic',
  hevx: 'heic',
  heim: 'heic',
  heis: 'heic',
  mif1: 'heif',
  msf1: 'heif',
  isom: 'mp4',
  iso2: 'mp4',
  iso4: 'mp4',
  iso5: 'mp4',
  iso6: 'mp4',
  mp41: 'mp4',
  mp42: 'mp4',
  avc1: 'mp4',
  dash: 'mp4',
  'M4V ': 'mp4',
  M4VH: 'mp4',
  M4VP: 'mp4',
  'qt  ': 'mov',
  '3gp4': '3gp',
  '3gp5': '3gp',
  '3gp6': '3gp',
  '3g2a': '3gp',
};

interface Signature {
  offset: number;
  bytes: readonly number[];
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const sig = (offset: number, bytes: readonly number[] | string): Signature => ({ offset, bytes: typeof bytes === 'string' ? ascii(bytes) : bytes });

function matches(head: Buffer, s: Signature): boolean {
  if (head.length < s.offset + s.bytes.length) return false;
  return s.bytes.every((b, i) => head[s.offset + i] === b);
}

/** Formats told by a fixed prefix. */
const SIMPLE: readonly { kind: FileKind; all: readonly Signature[] }[] = [
  { kind: 'jpeg', all: [sig(0, [0xff, 0xd8, 0xff])] },
  { kind: 'png', all: [sig(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])] },
  { kind: 'webp', all: [sig(0, 'RIFF'), sig(8, 'WEBP')] },
  { kind: 'pdf', all: [sig(0, '%PDF-')] },
];

/** Refused formats worth naming in the answer. */
const REFUSED: readonly { refused: RefusedKind; any: readonly Signature[] }[] = [
  {
    refused: 'executable',
    any: [
      sig(0, [0x7f, 0x45, 0x4c, 0x46]), // ELF
      sig(0, 'MZ'), // DOS / Windows PE
      sig(0, [0xfe, 0xed, 0xfa, 0xce]), // Mach-O 32-bit
      sig(0, [0xfe, 0xed, 0xfa, 0xcf]), // Mach-O 64-bit
      sig(0, [0xce, 0xfa, 0xed, 0xfe]), // Mach-O 32-bit, little-endian
      sig(0, [0xcf, 0xfa, 0xed, 0xfe]), // Mach-O 64-bit, little-endian
      sig(0, [0xca, 0xfe, 0xba, 0xbe]), // Mach-O universal, Java class
      sig(0, [0x00, 0x61, 0x73, 0x6d]), // WebAssembly
    ],
  },
  { refused: 'script', any: [sig(0, '#!')] },
];

const ZIP = sig(0, [0x50, 0x4b, 0x03, 0x04]);
const OLE = sig(0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Tells the type of a file from its content. */
export async function sniff(source: ByteSource): Promise<SniffResult> {
  const head = await source.read(0, HEAD_BYTES);
  for (const entry of SIMPLE) {
    if (entry.all.every((s) => matches(head, s))) return allow(entry.kind);
  }
  const media = ftypKind(head);
  if (media) return allow(media);
  if (matches(head, ZIP)) return classifyZip(await zipEntryNames(source));
  if (matches(head, OLE)) return classifyOle(await oleStreamNames(source, head));
  for (const entry of REFUSED) {
    if (entry.any.some((s) => matches(head, s))) return { allowed: false, refused: entry.refused };
  }
  if (looksLikeMarkup(head)) return { allowed: false, refused: 'markup' };
  return { allowed: false, refused: 'unknown' };
}

const allow = (kind: FileKind): SniffResult => ({ allowed: true, type: ALLOWED_TYPES[kind] });

const VIDEO_KINDS: readonly FileKind[] = ['mp4', 'mov', '3gp'];

/**
 * ISO base media file: `size 'ftyp' major minor compatible…`. The major brand decides; a video
 * with a maker's own major brand (e.g. XAVC) is told by a compatible one. Stills are told by
 * their major brand only, so AVIF (major `avif`, compatible `mif1`) is not taken for HEIF.
 */
export function ftypKind(head: Buffer): FileKind | null {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return null;
  const boxSize = head.readUInt32BE(0);
  if (boxSize < 16) return null;
  const major = FTYP_BRANDS[head.toString('latin1', 8, 12)];
  if (major) return major;
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) {
    const kind = FTYP_BRANDS[head.toString('latin1', at, at + 4)];
    if (kind && VIDEO_KINDS.includes(kind)) return kind;
  }
  return null;
}

/** Text that opens with `<` after an optional byte-order mark and white space: HTML, SVG, XML. */
function looksLikeMarkup(head: Buffer): boolean {
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) text = Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  else text = head.toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*</.test(text);
}

// ---- ZIP: Office Open XML ----

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const EOCD_SEARCH = EOCD_MIN + 0xffff;
const MAX_CENTRAL_DIRECTORY = 8 * 1024 * 1024;

/** The entry names in a zip's central directory; empty when the directory cannot be found. */
export async function zipEntryNames(source: ByteSource): Promise<string[]> {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  let eocd = -1;
  for (let at = tail.length - EOCD_MIN; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return [];
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > source.size) return [];
  const cd = await source.read(cdOffset, cdSize);
  const names: string[] = [];
  for (let at = 0; at + 46 <= cd.length && cd.readUInt32LE(at) === CENTRAL_SIGNATURE;) {
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    names.push(cd.toString('utf8', at + 46, Math.min(cd.length, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An OOXML package has `[Content_Types].xml`; its main part's folder tells Word, Excel or PowerPoint. */
export function classifyZip(names: readonly string[]): SniffResult {
  if (!names.includes('[Content_Types].xml')) return { allowed: false, refused: 'unknown' };
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return { allowed: false, refused: 'macro' };
  const folders: readonly [string, FileKind][] = [
    ['word/', 'docx'],
    ['xl/', 'xlsx'],
    ['ppt/', 'pptx'],
  ];
  for (const [folder, kind] of folders) {
    if (names.some((n) => n.startsWith(folder))) return allow(kind);
  }
  return { allowed: false, refused: 'unknown' };
}

// ---- OLE compound file: legacy Office ----

const ENDOFCHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 256;
const HEADER_DIFAT_ENTRIES = 109;

/** The names in an OLE compound file's directory, following its chain through the header's FAT sectors. */
export async function oleStreamNames(source: ByteSource, head: Buffer): Promise<string[]> {
  if (head.length < 512) return [];
  const shift = head.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const perFatSector = sectorSize / 4;
  const names: string[] = [];
  const seen = new Set<number>();
  let sector = head.readUInt32LE(48);
  while (sector < ENDOFCHAIN && !seen.has(sector) && seen.size < MAX_DIRECTORY_SECTORS) {
    seen.add(sector);
    const dir = await source.read((sector + 1) * sectorSize, sectorSize);
    for (let at = 0; at + 128 <= dir.length; at += 128) {
      const length = dir.readUInt16LE(at + 64);
      const entryType = dir[at + 66];
      if (entryType === 0 || length < 2 || length > 64) continue;
      names.push(dir.toString('utf16le', at, at + length - 2));
    }
    const fatIndex = Math.floor(sector / perFatSector);
    if (fatIndex >= HEADER_DIFAT_ENTRIES) break;
    const fatSector = head.readUInt32LE(76 + fatIndex * 4);
    if (fatSector >= ENDOFCHAIN) break;
    const next = await source.read((fatSector + 1) * sectorSize + (sector % perFatSector) * 4, 4);
    if (next.length < 4) break;
    sector = next.readUInt32LE(0);
  }
  return names;
}

/** Word, Excel and PowerPoint keep their content in streams of well-known names; macros in a `VBA` storage. */
export function classifyOle(names: readonly string[]): SniffResult {
  if (names.some((n) => n === 'VBA' || n === '_VBA_PROJECT_CUR' || n === 'Macros')) return { allowed: false, refused: 'macro' };
  if (names.includes('WordDocument')) return allow('doc');
  if (names.includes('Workbook') || names.includes('Book')) return allow('xls');
  if (names.includes('PowerPoint Document')) return allow('ppt');
  return { allowed: false, refused: 'unknown' };
}
