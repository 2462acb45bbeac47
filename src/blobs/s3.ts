/**
 * Blobs in an S3-compatible bucket (`DECIBEL_BLOBS=s3://bucket/prefix`). Uploads stream through the
 * SDK's multipart `Upload`, so a blob of unknown length never sits in memory, and an object appears only
 * when the upload completes (a failed upload is aborted). Reads pass `Range` to the server.
 */
import { PassThrough, type Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BlobsSetting } from '../config.js';
import { checkKey, checkRange, RangeNotSatisfiable, type BlobStore } from './blob-store.js';

export interface S3Options extends Omit<Extract<BlobsSetting, { kind: 's3' }>, 'kind'> {
  /** Normally taken from the SDK's default chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const status = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);

export async function s3BlobStore({ bucket, prefix, endpoint, region, forcePathStyle, credentials }: S3Options): Promise<BlobStore> {
  const config: S3ClientConfig = {
    region: region ?? process.env.AWS_REGION ?? 'us-east-1',
    forcePathStyle,
    // Many S3-compatible servers refuse the checksums the SDK now adds to every request by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  };
  const client = new S3Client(config);
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
    async put(key, body: Readable, options = {}) {
      let size = 0;
      const counted = new PassThrough();
      counted.on('data', (chunk: Buffer) => {
        size += chunk.length;
      });
      // A failing source must fail the upload, not end it early as if the bytes were all there.
      body.on('error', (error) => counted.destroy(error));
      body.pipe(counted);
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: objectKey(key), Body: counted, ContentType: options.contentType },
      });
      await upload.done();
      return { size };
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
        const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(result.ContentRange ?? '');
        if (range && served) {
          return { body, size: Number(served[3]), range: { start: Number(served[1]), end: Number(served[2]) } };
        }
        return { body, size: result.ContentLength ?? 0 };
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
        return { size: result.ContentLength ?? 0 };
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
