// Seen's Teams icons, drawn in code as PNGs: a 192x192 colour icon and a 32x32 white-on-transparent outline (Teams' rules).
import { deflateSync } from 'node:zlib';

/** Seen's accent colour (the manifest's accentColor and the colour icon's background). */
export const ACCENT = '#2E5E73';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

// CRC-32 as PNG chunks need it.
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// One PNG chunk: length, type, data, CRC over type and data.
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (row by row, 4 bytes each) as an 8-bit RGBA PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new RangeError(`encodePng: expected ${width * height * 4} bytes, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// The mark: an open eye (a ring) with a pupil, anti-aliased by coverage of the pixel centre distance.
function markCoverage(size: number, x: number, y: number): number {
  const c = (size - 1) / 2;
  const d = Math.hypot(x - c, y - c) / size;
  const ring = 1 - Math.min(1, Math.max(0, (Math.abs(d - 0.3) - 0.055) * size));
  const pupil = 1 - Math.min(1, Math.max(0, (d - 0.12) * size));
  return Math.max(ring, pupil);
}

/** The 192x192 colour icon: the white mark on Seen's accent colour, full bleed. */
export function colorIcon(size = 192): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(ACCENT.slice(i, i + 2), 16));
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const a = markCoverage(size, x, y);
    px.set([Math.round(r + (255 - r) * a), Math.round(g + (255 - g) * a), Math.round(b + (255 - b) * a), 255], (y * size + x) * 4);
  }
  return encodePng(size, size, px);
}

/** The 32x32 outline icon: the mark in white on a transparent background. */
export function outlineIcon(size = 32): Buffer {
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    px.set([255, 255, 255, Math.round(255 * markCoverage(size, x, y))], (y * size + x) * 4);
  }
  return encodePng(size, size, px);
}
