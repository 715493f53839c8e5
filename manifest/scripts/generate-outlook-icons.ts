/**
 * Draws the Outlook add-in icons (a white "P" on a blue rounded square, and the
 * white-on-transparent outline icon of the unified manifest) into
 * addin-outlook/public/assets/. Run: npx tsx manifest/scripts/generate-outlook-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { OUTLOOK_ICON_SIZES } from '../src/outlook-addin';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [15, 108, 189, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Whether a point of the unit square lies in the glyph: a stem, and a bowl with straight bars and a round end. */
function inGlyph(x: number, y: number): boolean {
  const [top, bottom, left, cx, cy, outer, inner] = [0.2, 0.8, 0.28, 0.54, 0.38, 0.18, 0.065];
  const stem = x >= left && x <= left + 0.15 && y >= top && y <= bottom;
  const d = Math.hypot(x - cx, y - cy);
  const bars = x >= left && x <= cx && ((y >= cy - outer && y <= cy - inner) || (y >= cy + inner && y <= cy + outer));
  const round = x >= cx && d <= outer && d >= inner;
  return stem || bars || round;
}

/** Whether a point lies in the rounded square background. */
function inTile(x: number, y: number): boolean {
  const m = 0.04;
  const r = 0.2;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels, 4×4 supersampled so edges are anti-aliased. */
function draw(size: number, outline: boolean): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const color = inGlyph(x, y) ? WHITE : !outline && inTile(x, y) ? BLUE : CLEAR;
          for (let i = 0; i < 4; i++) sum[i]! += color[i]! * (i === 3 ? 1 : color[3]! / 255);
        }
      }
      const alpha = sum[3]! / (n * n);
      const at = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[at + i] = alpha === 0 ? 0 : Math.round(sum[i]! / (n * n) / (alpha / 255));
      pixels[at + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

/** A minimal PNG encoder: 8-bit RGBA, no interlace, filter 0 on every row. */
function encodePng(size: number, rgba: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const dir = fileURLToPath(new URL('../../addin-outlook/public/assets/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const size of OUTLOOK_ICON_SIZES) writeFileSync(`${dir}icon-${size}.png`, encodePng(size, draw(size, false)));
writeFileSync(`${dir}outline-32.png`, encodePng(32, draw(32, true)));
process.stdout.write(`Icons written to ${dir}\n`);
