import { rm } from 'node:fs/promises';
import sharp from 'sharp';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;
export const THUMBNAIL_MIME = 'image/jpeg';
/** Refuse to decode images larger than this many pixels (a decompression bomb). */
const MAX_INPUT_PIXELS = 120_000_000;

/**
 * Writes a JPEG thumbnail of a JPEG, PNG or WebP photo: turned upright by its EXIF orientation,
 * at most 320 px on its longest side, transparency on white, without the photo's metadata
 * (no GPS position in thumbnails). Answers false when the image cannot be decoded.
 */
export async function writeThumbnail(input: string, output: string): Promise<boolean> {
  try {
    await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toFile(output);
    return true;
  } catch {
    await rm(output, { force: true });
    return false;
  }
}
