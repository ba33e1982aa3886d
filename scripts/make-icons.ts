import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * `npm run icons`: draws Plainsight's toolbar and store icons (16, 32, 48, 96 and 128 pixels) into
 * `public/icon/`, where WXT finds them for the manifest. The design is three lines of text on a
 * dark blue tile, the middle one marked with an amber underline, as the extension marks a page.
 * Drawn from shapes at 4×4 samples a pixel, so every size is sharp and the files are reproducible.
 */

const SIZES = [16, 32, 48, 96, 128];
const OUT = join(process.cwd(), 'public/icon');

type Rgba = [number, number, number, number];
const TILE: Rgba = [30, 58, 138, 255];
const TEXT: Rgba = [255, 255, 255, 255];
const MARK: Rgba = [245, 158, 11, 255];

/** The colour at a point of the unit square, or null outside the tile. */
function colourAt(x: number, y: number): Rgba | null {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bar = (top: number, left: number, right: number) => y >= top && y < top + 0.1 && x >= left && x < right;
  if (bar(0.2, 0.18, 0.82) || bar(0.42, 0.18, 0.7) || bar(0.64, 0.18, 0.6)) return TEXT;
  if (y >= 0.55 && y < 0.6 && x >= 0.18 && x < 0.7) return MARK;
  if (y >= 0.76 && y < 0.82 && x >= 0.18 && x < 0.6) return MARK;
  return TILE;
}

function draw(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) sum[k]! += c[k]! * c[3];
          sum[3]! += c[3];
        }
      const alpha = sum[3]!;
      for (let k = 0; k < 3; k++) row[1 + px * 4 + k] = alpha ? Math.round(sum[k]! / alpha) : 0;
      row[1 + px * 4 + 3] = Math.round(alpha / (samples * samples));
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) writeFileSync(join(OUT, `${size}.png`), draw(size));
console.log(`icons: ${SIZES.map((s) => `${s}.png`).join(', ')} in ${OUT}`);
