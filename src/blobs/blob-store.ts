/**
 * Where asset bytes live (issue 3): a folder by default, an S3-compatible bucket at scale. A blob store
 * keeps bytes and their content type under a key, whole or not at all, and serves ranges of them. The
 * asset records in the database stay the authority on names, types and sizes shown to clients; the type
 * kept here is what a bucket serves when it hands the bytes out itself.
 */
import type { Readable } from 'node:stream';

/** What a blob is stored as when its writer names no type (RFC 9110 §8.3). */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export interface BlobInfo {
  size: number;
  contentType: string;
}

/** Bytes `start` to `end` inclusive, as in an HTTP `Range` header; no `end` means to the last byte. */
export interface BlobRange {
  start: number;
  end?: number;
}

export interface BlobRead extends BlobInfo {
  body: Readable;
  /** The bytes served, inclusive (the end clamped to the blob's size), when a range was asked for. */
  range?: { start: number; end: number };
}

export interface BlobStore {
  /**
   * Streams `body` into `key`, replacing what was there; readers see the old blob or the new one, never
   * part of it. When the put fails, `body` is destroyed and nothing of it is kept.
   */
  put(key: string, body: Readable, options?: { contentType?: string }): Promise<BlobInfo>;
  /** The blob's bytes, or those of `range`; undefined when nothing is stored under `key`. Throws RangeNotSatisfiable. */
  get(key: string, range?: BlobRange): Promise<BlobRead | undefined>;
  head(key: string): Promise<BlobInfo | undefined>;
  /** Removes the blob; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** The range starts at or past the end of the blob (HTTP 416). */
export class RangeNotSatisfiable extends Error {
  constructor(
    readonly size: number,
    range: BlobRange,
  ) {
    super(`bytes ${range.start}-${range.end ?? ''} lie outside a blob of ${size} bytes`);
    this.name = 'RangeNotSatisfiable';
  }
}

/**
 * Keys are `/`-separated paths of non-empty segments (`hubId/assetId/file.jpg`). Segments may not start
 * with `.` (so `..` cannot climb out of the folder, and the filesystem store's own dot-folders are out of
 * reach) nor hold `\` or control characters.
 */
export function checkKey(key: string): void {
  const fine =
    key.length > 0 &&
    key.length <= 1024 &&
    key.split('/').every((segment) => segment.length > 0 && !segment.startsWith('.') && !/[\\\u0000-\u001f\u007f]/.test(segment));
  if (!fine) throw new Error(`invalid blob key ${JSON.stringify(key)}`);
}

/** The type to store: the one given, or the default; a type S3 could not send as a header is refused. */
export function contentTypeOf(options: { contentType?: string } | undefined): string {
  const type = options?.contentType || DEFAULT_CONTENT_TYPE;
  if (type.length > 256 || !/^[\x20-\x7e]+$/.test(type)) throw new Error(`invalid content type ${JSON.stringify(type)}`);
  return type;
}

/** A range is whole byte offsets, start first; what the blob holds is checked when it is read. */
export function checkRange(range: BlobRange): void {
  const offset = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!offset(range.start) || (range.end !== undefined && (!offset(range.end) || range.end < range.start))) {
    throw new Error(`invalid blob range ${JSON.stringify(range)}`);
  }
}

/** Which bytes `range` selects of a blob of `size` bytes; throws RangeNotSatisfiable. */
export function resolveRange(size: number, range: BlobRange): { start: number; end: number } {
  checkRange(range);
  if (range.start >= size) throw new RangeNotSatisfiable(size, range);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}
