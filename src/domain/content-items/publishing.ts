/**
 * Publishing (003 "Publish Content Item", "Unpublish Content Item", "Finding Content by Epoch"). A
 * request creates a publishing job for the item's current version and queues it in the same
 * transaction; the job queue carries it out on one instance (CREATED → PUBLISHING → COMPLETED, or
 * FAILED), recording the item's `lastPublishedVersion`/`lastPublishedDate` (or `lastUnpublishedDate`)
 * and a PUBLISH/UNPUBLISH history entry.
 */
import { conflict, invalid, notFound } from '../errors.js';
import type { ContentItem, PublishingJob } from '../model.js';
import type { Actor, Deps } from '../ports.js';
import { inTransaction } from '../transaction.js';
import { ENTITY, getContentItem, getContentItemVersion } from './items.js';

/** The job queue's kind for publishing jobs. */
export const PUBLISH_JOB = 'publish';

export async function getPublishingJob({ store }: Deps, id: string): Promise<PublishingJob> {
  const job = await store.publishingJobs.get(id);
  if (!job) throw notFound('PublishingJob', id);
  return job;
}

/** POST …/publish or …/unpublish: the queued job, whose URL the caller is given to follow. */
export async function requestPublication(deps: Deps, actor: Actor, id: string, action: PublishingJob['action']): Promise<PublishingJob> {
  const job = await inTransaction(deps, async (tx) => {
    const item = await getContentItem(tx, id);
    if (item.status === 'ARCHIVED' && action === 'PUBLISH') {
      throw conflict({ entity: ENTITY, property: 'status', invalidValue: item.status, message: 'an archived content item cannot be published; unarchive it first' });
    }
    const now = tx.clock.now();
    const created: PublishingJob = {
      id: tx.ids.objectId(),
      hubId: item.hubId,
      contentItemId: item.id,
      version: item.version,
      action,
      state: 'CREATED',
      publishErrorStatus: null,
      scheduledDate: now,
      createdBy: actor.sid,
      createdDate: now,
      lastModifiedDate: now,
    };
    await tx.store.publishingJobs.insert(created);
    await tx.store.jobs.enqueue({ id: tx.ids.uuid(), kind: PUBLISH_JOB, payload: { publishingJobId: created.id }, createdDate: now });
    return created;
  });
  deps.jobs.queued();
  return job;
}

/** PATCH /publishing-jobs/{id} `{state: "CANCELLED"}`: only a job not yet taken on can be cancelled. */
export async function cancelPublishingJob(deps: Deps, id: string, request: Record<string, unknown>): Promise<PublishingJob> {
  const job = await getPublishingJob(deps, id);
  if (request.state !== 'CANCELLED') {
    throw invalid({ entity: 'PublishingJob', property: 'state', invalidValue: request.state ?? null, message: 'a publishing job can only be changed to CANCELLED' });
  }
  if (job.state === 'CANCELLED') return job;
  const now = deps.clock.now();
  if (!(await deps.store.publishingJobs.transition(id, 'CREATED', { state: 'CANCELLED', lastModifiedDate: now }))) {
    const current = await getPublishingJob(deps, id);
    throw conflict({ entity: 'PublishingJob', property: 'state', invalidValue: current.state, message: `the job is ${current.state} and can no longer be cancelled` });
  }
  return { ...job, state: 'CANCELLED', lastModifiedDate: now };
}

class AlreadyCarriedOut extends Error {}

/**
 * The queue's handler: carries out one publishing job, once. The job shows PUBLISHING while it runs;
 * the publication and COMPLETED commit together, so a job taken over after a crash is finished exactly
 * once, and one cancelled before it started is left alone.
 */
export async function runPublishingJob(deps: Deps, publishingJobId: string): Promise<void> {
  const job = await deps.store.publishingJobs.get(publishingJobId);
  if (!job) return;
  if (job.state === 'CREATED') {
    const started = await deps.store.publishingJobs.transition(job.id, 'CREATED', { state: 'PUBLISHING', lastModifiedDate: deps.clock.now() });
    if (!started && (await deps.store.publishingJobs.get(job.id))?.state !== 'PUBLISHING') return;
  } else if (job.state !== 'PUBLISHING') {
    return;
  }
  try {
    await inTransaction(deps, async (tx) => {
      const now = tx.clock.now();
      if (!(await tx.store.publishingJobs.transition(job.id, 'PUBLISHING', { state: 'COMPLETED', lastModifiedDate: now }))) {
        throw new AlreadyCarriedOut();
      }
      const item = await tx.store.contentItems.get(job.contentItemId);
      if (!item) throw new Error(`content item ${job.contentItemId} no longer exists`);
      await tx.store.contentItems.setPublication(
        item.id,
        job.action === 'PUBLISH' ? { lastPublishedVersion: job.version, lastPublishedDate: now } : { lastUnpublishedDate: now },
      );
      await tx.store.contentItems.recordHistory({ contentItemId: item.id, version: job.version, action: job.action, actionedBy: job.createdBy, actionedDate: now });
    });
  } catch (error) {
    if (error instanceof AlreadyCarriedOut) return;
    await deps.store.publishingJobs.transition(job.id, 'PUBLISHING', {
      state: 'FAILED',
      publishErrorStatus: (error as Error).message,
      lastModifiedDate: deps.clock.now(),
    });
  }
}

/** `epoch` (seconds) or `time` (ISO-8601) as an ISO timestamp; now when neither is given. */
function instant(deps: Deps, query: { epoch?: number; time?: string }): string {
  if (query.epoch !== undefined) return new Date(query.epoch * 1000).toISOString();
  if (query.time !== undefined) {
    const parsed = Date.parse(query.time);
    if (Number.isNaN(parsed)) throw invalid({ entity: ENTITY, property: 'time', invalidValue: query.time, message: 'time must be an ISO-8601 date and time' });
    return new Date(parsed).toISOString();
  }
  return deps.clock.now();
}

/**
 * GET …/planned{?epoch,time}: the version that is published at that time — the one its latest
 * publication at or before it made live. 404 when nothing of the item was live then.
 */
export async function findPlannedVersion(deps: Deps, id: string, query: { epoch?: number; time?: string }): Promise<ContentItem> {
  await getContentItem(deps, id);
  const at = instant(deps, query);
  const last = await deps.store.contentItems.lastPublicationAt(id, at);
  if (!last || last.action !== 'PUBLISH') {
    throw notFound(ENTITY, `${id} published at ${at}`);
  }
  return getContentItemVersion(deps, id, last.version);
}
