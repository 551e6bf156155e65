import * as path from 'node:path';

const MAX_NAME_CHARS = 255;
const MAX_EXT_CHARS = 16;
/** C0/C1 controls and the bidirectional overrides that can disguise an extension (`photo‮gpj.exe`). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed from names
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The name a client gave a file, made safe to store and show: last path part, no controls, ≤ 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').replace(UNSAFE_CHARS, '').split(/[\\/]/).pop() ?? '';
  const name = base.trim();
  if (name === '' || name === '.' || name === '..') return 'file';
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_CHARS) return name;
  const ext = path.extname(name);
  const keep = Array.from(ext).length <= MAX_EXT_CHARS ? ext : '';
  return (
    Array.from(name.slice(0, name.length - keep.length))
      .slice(0, MAX_NAME_CHARS - Array.from(keep).length)
      .join('') + keep
  );
}

/** `name.ext` → `name-thumbnail.jpg`. */
export function thumbnailFileName(fileName: string): string {
  const ext = path.extname(fileName);
  const stem = ext ? fileName.slice(0, -ext.length) : fileName;
  return `${stem || 'file'}-thumbnail.jpg`;
}

/** RFC 5987 value: percent-encoded UTF-8, with the characters RFC 3986 reserves beyond encodeURIComponent. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266), so Chinese names survive. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
