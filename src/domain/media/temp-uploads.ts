/**
 * createTempFileUploadUrl (graphql-dam.md S7): a short-lived, single-use place to PUT a file to, so that
 * a local file can be ingested with no public URL — the caller PUTs the bytes, then passes the download
 * URL as createAsset's `src`. The token in the URL is the only credential (like a presigned URL), so it
 * is long and random; an upload is taken by one PUT, used by one asset, and forgotten once expired.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { conflict, invalid, notFound } from '../errors.js';
import type { TempUpload } from '../model.js';
import type { Deps, OpenedFile } from '../ports.js';
import { storeFile, tooLargeMessage } from './asset-file.js';

const ENTITY = 'TempUpload';
/** Expired uploads removed by each new one, so that forgotten ones cannot pile up. */
const SWEEP_BATCH = 20;

const uploadKey = (token: string) => `uploads/${token}`;

export async function createTempUpload(deps: Deps): Promise<TempUpload> {
  await sweepExpiredUploads(deps);
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const upload: TempUpload = {
    token,
    status: 'WAITING',
    blobKey: uploadKey(token),
    size: null,
    contentType: null,
    createdDate: now,
    expiresAt: new Date(Date.parse(now) + deps.ingest.uploadTtl * 1000).toISOString(),
  };
  await deps.store.tempUploads.insert(upload);
  return upload;
}

/** The upload, if it is there and has not expired; unknown and expired ones look the same (404). */
async function liveUpload(deps: Deps, token: string): Promise<TempUpload> {
  const upload = await deps.store.tempUploads.get(token);
  if (!upload || upload.expiresAt <= deps.clock.now()) throw notFound(ENTITY, token);
  return upload;
}

/** The PUT to an upload URL: taken once; a PUT that fails leaves the URL open for another try. */
export async function receiveUpload(
  deps: Deps,
  token: string,
  body: Readable,
  { contentType, contentLength }: { contentType?: string; contentLength?: number },
): Promise<TempUpload> {
  const upload = await liveUpload(deps, token);
  if (contentLength !== undefined && contentLength > deps.ingest.maxBytes) {
    // Read and dropped rather than cut off, so that the client gets to see the answer.
    body.resume();
    throw invalid({ entity: ENTITY, property: 'size', invalidValue: contentLength, message: tooLargeMessage(deps.ingest.maxBytes) });
  }
  if (!(await deps.store.tempUploads.transition(token, 'WAITING', { status: 'RECEIVING' }))) {
    body.resume();
    throw conflict({ entity: ENTITY, property: 'status', invalidValue: upload.status, message: 'a file has already been uploaded to this URL; ask for a new upload URL' });
  }
  try {
    const stored = await storeFile(deps, upload.blobKey, { body, contentType, describeFailure: (error) => `the upload broke off (${(error as Error).message})` });
    const received = { status: 'UPLOADED' as const, size: stored.size, contentType: stored.mimeType };
    await deps.store.tempUploads.transition(token, 'RECEIVING', received);
    return { ...upload, ...received };
  } catch (error) {
    await deps.store.tempUploads.transition(token, 'RECEIVING', { status: 'WAITING' });
    throw error;
  }
}

/** The uploaded file, to ingest or to serve at the download URL. */
export async function openUpload(deps: Deps, token: string): Promise<OpenedFile> {
  const upload = await liveUpload(deps, token);
  if (upload.status === 'USED') throw invalid({ entity: 'Asset', property: 'src', message: 'this upload URL has already been used for an asset; ask for a new one' });
  if (upload.status !== 'UPLOADED') throw invalid({ entity: 'Asset', property: 'src', message: 'nothing has been uploaded to this upload URL yet: PUT the file to its uploadUrl first' });
  const blob = await deps.blobs.get(upload.blobKey);
  if (!blob) throw notFound(ENTITY, token);
  return { body: blob.body, size: blob.size, contentType: blob.contentType, describeFailure: (error) => `the uploaded file could not be read (${(error as Error).message})` };
}

/** An uploaded file, for its download URL. */
export async function getUploadedFile(deps: Deps, token: string): Promise<TempUpload> {
  const upload = await liveUpload(deps, token);
  if (upload.status !== 'UPLOADED') throw notFound(ENTITY, token);
  return upload;
}

/** Marks the upload used, inside the transaction that records its asset: a second asset cannot use it. */
export async function useUpload(deps: Deps, token: string): Promise<void> {
  if (!(await deps.store.tempUploads.transition(token, 'UPLOADED', { status: 'USED' }))) {
    throw invalid({ entity: 'Asset', property: 'src', message: 'this upload URL has already been used for an asset; ask for a new one' });
  }
}

/** After its asset is recorded, the uploaded copy is not needed (the asset has its own). */
export async function discardUploadedFile(deps: Deps, token: string): Promise<void> {
  await deps.blobs.delete(uploadKey(token));
}

export async function sweepExpiredUploads(deps: Deps): Promise<void> {
  for (const upload of await deps.store.tempUploads.listExpired(deps.clock.now(), SWEEP_BATCH)) {
    await deps.blobs.delete(upload.blobKey);
    await deps.store.tempUploads.delete(upload.token);
  }
}
