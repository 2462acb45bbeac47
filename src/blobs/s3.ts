/**
 * Blobs in an S3-compatible bucket (`DECIBEL_BLOBS=s3://bucket/prefix`). Uploads stream through the
 * SDK's multipart `Upload`, so a blob of unknown length never sits in memory whole, and an object appears
 * only when the upload completes (a failed one is aborted). Reads pass `Range` to the server.
 */
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BlobsSetting } from './setting.js';
import { checkKey, checkRange, contentTypeOf, DEFAULT_CONTENT_TYPE, RangeNotSatisfiable, type BlobStore } from './blob-store.js';

export interface S3Options extends Omit<Extract<BlobsSetting, { kind: 's3' }>, 'kind'> {
  /** Normally taken from the SDK's default chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const status = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);

export async function s3BlobStore({ bucket, prefix, endpoint, region, forcePathStyle, credentials }: S3Options): Promise<BlobStore> {
  const client = new S3Client({
    region: region ?? process.env.AWS_REGION ?? 'us-east-1',
    forcePathStyle,
    // Many S3-compatible servers refuse the checksums the SDK now adds to every request by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
  // A wrong bucket, endpoint or credential stops start-up with a clear message, not the first upload.
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    client.destroy();
    const reason = status(error) ? `HTTP ${status(error)}` : (error as Error).message;
    throw new Error(`cannot use S3 bucket "${bucket}"${endpoint ? ` at ${endpoint}` : ''} (DECIBEL_BLOBS): ${reason}`, { cause: error });
  }
  const objectKey = (key: string) => {
    checkKey(key);
    return `${prefix}${key}`;
  };

  const store: BlobStore = {
    async put(key, body, options) {
      let size = 0;
      let sourceError: unknown;
      async function* counted() {
        try {
          for await (const chunk of body as AsyncIterable<Buffer | string>) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            size += bytes.length;
            yield bytes;
          }
        } catch (error) {
          sourceError = error;
          throw error;
        }
      }
      try {
        const contentType = contentTypeOf(options);
        const upload = new Upload({
          client,
          params: { Bucket: bucket, Key: objectKey(key), Body: Readable.from(counted()), ContentType: contentType },
        });
        await upload.done();
        return { size, contentType };
      } catch (error) {
        body.destroy();
        // When the source fails, that is the news, even if aborting the multipart upload failed too.
        throw sourceError ?? error;
      }
    },
    async get(key, range) {
      if (range) checkRange(range);
      try {
        const result = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: objectKey(key),
            ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
          }),
        );
        const body = result.Body as Readable;
        const contentType = result.ContentType || DEFAULT_CONTENT_TYPE;
        const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(result.ContentRange ?? '');
        if (range && served) {
          return { body, contentType, size: Number(served[3]), range: { start: Number(served[1]), end: Number(served[2]) } };
        }
        return { body, contentType, size: result.ContentLength ?? 0 };
      } catch (error) {
        if (status(error) === 404) return undefined;
        if (status(error) === 416 && range) {
          const head = await store.head(key);
          throw new RangeNotSatisfiable(head?.size ?? 0, range);
        }
        throw error;
      }
    },
    async head(key) {
      try {
        const result = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return { size: result.ContentLength ?? 0, contentType: result.ContentType || DEFAULT_CONTENT_TYPE };
      } catch (error) {
        if (status(error) === 404) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
    async close() {
      client.destroy();
    },
  };
  return store;
}
