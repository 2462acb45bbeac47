/**
 * publishAsset, publishAssets and unpublishAssets (004: at most 200 ids). Publishing is asynchronous as
 * on the vendor's service: the asset shows PUBLISH_IN_PROGRESS (or UNPUBLISH_IN_PROGRESS) and a job on
 * the queue (src/jobs) makes it PUBLISHED — its current file is then served at its public URL — or
 * NOT_PUBLISHED. The job's id is the publishJobId.
 */
import { invalid } from '../errors.js';
import type { Asset, AssetPublishStatus } from '../model.js';
import type { Deps } from '../ports.js';
import { inTransaction } from '../transaction.js';
import { getAsset, MAX_MUTATION_IDS } from './assets.js';

export const ASSET_PUBLISH_JOB = 'asset-publish';

type Action = 'PUBLISH' | 'UNPUBLISH';
interface Payload {
  assetId: string;
  action: Action;
}

const IN_PROGRESS: Record<Action, AssetPublishStatus> = { PUBLISH: 'PUBLISH_IN_PROGRESS', UNPUBLISH: 'UNPUBLISH_IN_PROGRESS' };

/** Queues one job per asset, all or none; returns the job ids in the order of `ids`. */
export async function queuePublication(deps: Deps, ids: readonly string[], action: Action, max = MAX_MUTATION_IDS): Promise<string[]> {
  if (ids.length > max) {
    throw invalid({ entity: 'Asset', property: 'id', message: `at most ${max} assets can be ${action === 'PUBLISH' ? 'published' : 'unpublished'} at once, got ${ids.length}` });
  }
  const jobIds = await inTransaction(deps, async (tx) => {
    const queued: string[] = [];
    for (const id of ids) {
      const asset = await getAsset(tx, id);
      const jobId = tx.ids.uuid();
      await tx.store.assets.setPublication(asset.id, { publishStatus: IN_PROGRESS[action], publishedBlobKey: asset.publishedBlobKey, publishedDate: asset.publishedDate });
      await tx.store.jobs.enqueue({ id: jobId, kind: ASSET_PUBLISH_JOB, payload: { assetId: asset.id, action } satisfies Payload, createdDate: tx.clock.now() });
      queued.push(jobId);
    }
    return queued;
  });
  deps.jobs.queued();
  return jobIds;
}

/**
 * The queue's handler. The last request wins: a publish job finding the asset waiting to be unpublished
 * (or the other way round) leaves it to the later job. A published asset serves the file it had when
 * the job ran; a file it no longer uses is removed.
 */
export async function runAssetPublishJob(deps: Deps, payload: Payload): Promise<void> {
  const unused = await inTransaction(deps, async (tx): Promise<string | null> => {
    const asset = await tx.store.assets.get(payload.assetId);
    if (!asset || asset.status !== 'ACTIVE' || asset.publishStatus !== IN_PROGRESS[payload.action]) return null;
    const published: Pick<Asset, 'publishStatus' | 'publishedBlobKey' | 'publishedDate'> =
      payload.action === 'PUBLISH'
        ? { publishStatus: 'PUBLISHED', publishedBlobKey: asset.blobKey, publishedDate: tx.clock.now() }
        : { publishStatus: 'NOT_PUBLISHED', publishedBlobKey: null, publishedDate: asset.publishedDate };
    await tx.store.assets.setPublication(asset.id, published);
    const previous = asset.publishedBlobKey;
    return previous && previous !== asset.blobKey && previous !== published.publishedBlobKey ? previous : null;
  });
  if (unused) await deps.blobs.delete(unused);
}
