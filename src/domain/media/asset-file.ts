/**
 * Streams an asset's file into the blob store and learns what it is on the way: its size (refused past
 * the size limit, without reading the rest), its type from its first bytes (file-type; what the source
 * said only when the bytes do not tell), and from its first half megabyte an image's width and height
 * (image-size) and EXIF (exifr). The file is never held whole in memory.
 */
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import exifr from 'exifr';
import { DEFAULT_CONTENT_TYPE } from '../../blobs/blob-store.js';
import { invalid } from '../errors.js';
import { SourceError, type Deps, type OpenedFile } from '../ports.js';

/** What file-type reads to recognise a format. */
const SNIFF_BYTES = 4100;
/** EXIF and image headers sit at the start of a file; this much is kept to read them. */
const INSPECT_BYTES = 512 * 1024;

export interface StoredFile {
  size: number;
  mimeType: string;
  width: number | null;
  height: number | null;
  exif: Record<string, unknown> | undefined;
}

/** The refusal of a file over DECIBEL_INGEST_MAX_BYTES, for downloads and uploads alike. */
export const tooLargeMessage = (maxBytes: number) => `the file is larger than the limit of ${maxBytes} bytes (DECIBEL_INGEST_MAX_BYTES)`;

const refused = (message: string) => invalid({ entity: 'Asset', property: 'src', message });

/** A media type the source declared, without parameters; undefined when it says nothing useful. */
function declaredType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type && type !== DEFAULT_CONTENT_TYPE && /^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/.test(type) ? type : undefined;
}

/** Stores `file` under `key`; a source that fails or is too big is the caller's error, and nothing is kept. */
export async function storeFile(deps: Deps, key: string, file: OpenedFile): Promise<StoredFile> {
  const { maxBytes } = deps.ingest;
  const tooBig = () => new SourceError(tooLargeMessage(maxBytes));
  if (file.size !== undefined && file.size > maxBytes) {
    file.body.destroy();
    throw refused(tooBig().message);
  }
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let failure: SourceError | undefined;
  const chunks = file.body[Symbol.asyncIterator]();
  const next = async (): Promise<Buffer | undefined> => {
    let result: IteratorResult<Buffer>;
    try {
      result = await chunks.next();
    } catch (error) {
      throw (failure = new SourceError(file.describeFailure(error)));
    }
    if (result.done) return undefined;
    const chunk = Buffer.isBuffer(result.value) ? result.value : Buffer.from(result.value);
    size += chunk.length;
    if (size > maxBytes) throw (failure = tooBig());
    if (headLength < INSPECT_BYTES) {
      head.push(chunk);
      headLength += chunk.length;
    }
    return chunk;
  };

  // The first bytes are read before the blob is written, so that it is stored with its real type.
  const sample: Buffer[] = [];
  let ended = false;
  try {
    while (!ended && headLength < SNIFF_BYTES) {
      const chunk = await next();
      if (chunk) sample.push(chunk);
      else ended = true;
    }
  } catch (error) {
    file.body.destroy();
    throw error instanceof SourceError ? refused(error.message) : error;
  }
  const sniffed = await fileTypeFromBuffer(Buffer.concat(sample));
  const mimeType = sniffed?.mime ?? declaredType(file.contentType) ?? DEFAULT_CONTENT_TYPE;
  async function* everything() {
    yield* sample;
    for (let chunk = ended ? undefined : await next(); chunk; chunk = await next()) yield chunk;
  }
  try {
    await deps.blobs.put(key, Readable.from(everything(), { objectMode: false }), { contentType: mimeType });
  } catch (error) {
    file.body.destroy();
    if (failure) throw refused(failure.message);
    throw error;
  }
  return { size, mimeType, ...(await inspect(Buffer.concat(head), mimeType)) };
}

async function inspect(head: Buffer, mimeType: string): Promise<Pick<StoredFile, 'width' | 'height' | 'exif'>> {
  if (!mimeType.startsWith('image/')) return { width: null, height: null, exif: undefined };
  let width: number | null = null;
  let height: number | null = null;
  try {
    // The stored pixel size; an EXIF orientation (kept in `exif`) does not swap it.
    const dimensions = imageSize(head);
    width = dimensions.width ?? null;
    height = dimensions.height ?? null;
  } catch {
    // A format image-size does not know, or headers past the part kept: the size stays unknown.
  }
  let exif: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = await exifr.parse(head, {
      tiff: true, exif: true, gps: true, ifd1: false, interop: false, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false,
      makerNote: false, userComment: false, translateValues: true, reviveValues: true, mergeOutput: true,
    });
    const plain = jsonSafe(parsed);
    if (plain && typeof plain === 'object' && !Array.isArray(plain) && Object.keys(plain).length > 0) exif = plain as Record<string, unknown>;
  } catch {
    // No EXIF, or EXIF exifr cannot read: the asset simply has none.
  }
  return { width, height, exif };
}

/** EXIF values as JSON: dates as ISO strings; binary blobs and non-finite numbers left out. */
function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.replace(/\u0000+$/, '');
  if (Array.isArray(value)) return value.map(jsonSafe).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, jsonSafe(v)] as const).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries);
  }
  return typeof value === 'boolean' ? value : undefined;
}
