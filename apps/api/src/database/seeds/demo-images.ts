import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A small evidence picture for the demo data: sea, a shore line and a hull whose shape and
 * colour depend on `seed` and `stage` (before: whole, during: broken, after: pieces on the shore).
 */
export function demoEvidencePng(seed: number, stage: 'before' | 'during' | 'after', width = 160, height = 120): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const hullX = 30 + ((seed * 37) % 50);
  const hullW = 60 + ((seed * 13) % 30);
  const hullColor = [120 + ((seed * 29) % 80), 70 + ((seed * 17) % 50), 30 + ((seed * 7) % 40)];
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      let rgb: number[];
      if (y < 40) rgb = [170 + (y % 7), 205, 235];
      else if (y < 85) rgb = [40, 110 + ((x + y + seed) % 23), 160];
      else rgb = [200, 185, 140 - ((x * y) % 11)];
      const inHull = y >= 70 && y < 88 && x >= hullX && x < hullX + hullW && y - 70 < 18 - Math.abs(x - hullX - hullW / 2) / 6;
      const broken = stage === 'during' && (x - hullX) % 12 < 3;
      const pieces = stage === 'after' && y >= 92 && y < 100 && (x + seed) % 16 < 9;
      if ((inHull && stage !== 'after' && !broken) || pieces) rgb = hullColor;
      const o = row + 1 + x * 3;
      raw[o] = rgb[0];
      raw[o + 1] = rgb[1];
      raw[o + 2] = rgb[2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
