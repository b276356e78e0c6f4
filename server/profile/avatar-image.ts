import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { validation } from "../errors";

export const AVATAR_SIZE = 256;
/** The raw upload limit (the contract's 5 MB). */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
/**
 * The most pixels a decoder may produce: 40 megapixels (e.g. 8000×5000) is more than any
 * camera photo a member would upload, and far less than a decompression bomb (a few KB of PNG
 * that claims 50,000×50,000) would make libvips allocate.
 */
export const AVATAR_MAX_PIXELS = 40_000_000;
const FORMATS = new Set(["png", "jpeg", "webp", "gif"]);

const tooManyPixels = `is larger than ${AVATAR_MAX_PIXELS / 1e6} megapixels`;
/** libvips refuses an input over limitInputPixels with this message (at reading the header already). */
const overLimit = (err: unknown) => err instanceof Error && /pixel limit/i.test(err.message);
const notAnImage = (why: string) => validation([{ field: "body", message: why }]);

/**
 * Decodes an upload and re-encodes it as a square 256 px WebP: centre-cropped, turned upright
 * by its EXIF orientation, every piece of metadata (EXIF, GPS, ICC, XMP) left behind, an
 * animation reduced to its first frame. Anything libvips cannot decode as PNG, JPEG, WebP or
 * GIF, or that would decode to more than AVATAR_MAX_PIXELS, is a 400. Returns the bytes and
 * their sha256, which is the avatar's storage key and URL.
 */
export async function encodeAvatar(input: Uint8Array): Promise<{ data: Buffer; hash: string }> {
  const options = { limitInputPixels: AVATAR_MAX_PIXELS, pages: 1, failOn: "error" } as const;
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (err) {
    throw notAnImage(overLimit(err) ? tooManyPixels : "is not a PNG, JPEG, WebP or GIF image that can be decoded");
  }
  if (!meta.format || !FORMATS.has(meta.format)) throw notAnImage("must be a PNG, JPEG, WebP or GIF image");
  // The header's claim is refused before anything is decoded; the decoder's own limit below
  // holds even when a header lies.
  if ((meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0) > AVATAR_MAX_PIXELS) throw notAnImage(tooManyPixels);
  let data: Buffer;
  try {
    data = await sharp(input, options)
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention" })
      .webp({ quality: 82, effort: 4 })
      .toBuffer();
  } catch (err) {
    throw notAnImage(overLimit(err) ? tooManyPixels : "could not be decoded");
  }
  return { data, hash: createHash("sha256").update(data).digest("hex") };
}
