import { crc32 } from "node:zlib";
import sharp from "sharp";

/** A photo-like JPEG with EXIF (a camera model, GPS-ish text) that a re-encode must drop. */
export function jpegWithExif(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "ParleyCam", Model: "Secret Model 9", Copyright: "private location 51.5N 0.1W" } })
    .toBuffer();
}

export function png(width: number, height: number, colour = { r: 20, g: 120, b: 220 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** A two-frame animated GIF: a red frame, then a blue one. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (r: number, b: number) =>
    sharp({ create: { width: 64, height: 64, channels: 3, background: { r, g: 0, b } } })
      .png()
      .toBuffer();
  return sharp([await frame(255, 0), await frame(0, 255)], { join: { animated: true } })
    .gif()
    .toBuffer();
}

/**
 * A decompression bomb: a tiny, valid PNG whose header claims 60,000 × 60,000 pixels (3.6
 * gigapixels, ~10 GB decoded). The IHDR chunk is rewritten and its CRC recomputed, so it
 * parses as a real PNG.
 */
export async function pngBomb(): Promise<Buffer> {
  const small = Buffer.from(await png(1, 1));
  const ihdr = small.indexOf("IHDR");
  small.writeUInt32BE(60_000, ihdr + 4);
  small.writeUInt32BE(60_000, ihdr + 8);
  small.writeUInt32BE(crc32(small.subarray(ihdr, ihdr + 4 + 13)) >>> 0, ihdr + 4 + 13);
  return small;
}
