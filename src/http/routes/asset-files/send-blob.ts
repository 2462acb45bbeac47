/**
 * Sends a stored file over plain HTTP: Content-Type, Content-Length, a strong ETag (304 on
 * If-None-Match), and one byte range (206, or 416 outside the file). Several ranges in one request are
 * answered with the whole file, which RFC 9110 §14.2 allows.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import { notFound } from '../../../domain/errors.js';
import type { BlobStore } from '../../../blobs/blob-store.js';

export interface SendBlob {
  key: string;
  contentType: string;
  /** Changes whenever the bytes under the URL change. */
  etag: string;
  /** For the 404 when the bytes are gone. */
  entity: string;
  cacheControl: string;
}

export async function sendBlob(request: FastifyRequest, reply: FastifyReply, blobs: BlobStore, file: SendBlob) {
  const etag = `"${file.etag}"`;
  reply.header('ETag', etag).header('Accept-Ranges', 'bytes').header('Cache-Control', file.cacheControl);
  const matches = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (matches?.includes(etag) || matches?.includes('*')) return reply.code(304).send();

  let range: { start: number; end: number } | undefined;
  const header = request.headers.range;
  const ifRange = request.headers['if-range'];
  if (header && (!ifRange || ifRange === etag)) {
    const info = await blobs.head(file.key);
    if (!info) throw notFound(file.entity, file.key);
    const ranges = parseRange(info.size, header, { combine: true });
    if (ranges === -1) {
      return reply.code(416).header('Content-Range', `bytes */${info.size}`).type('application/json').send({ errors: [{ message: `the range ${header} lies outside the file's ${info.size} bytes` }] });
    }
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) range = ranges[0];
  }
  const blob = await blobs.get(file.key, range);
  if (!blob) throw notFound(file.entity, file.key);
  reply.type(file.contentType).header('Content-Length', String(blob.range ? blob.range.end - blob.range.start + 1 : blob.size));
  if (blob.range) reply.code(206).header('Content-Range', `bytes ${blob.range.start}-${blob.range.end}/${blob.size}`);
  if (request.method === 'HEAD') {
    blob.body.destroy();
    return reply.send();
  }
  return reply.send(blob.body);
}
