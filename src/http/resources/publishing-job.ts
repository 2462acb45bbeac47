import type { PublishingJob } from '../../domain/model.js';
import { link } from '../hal.js';
import { scoped } from '../access.js';
import { hubScope } from '../../domain/access/access.js';

/** A publishing job as wire-examples.json PUBLISHING_JOB shows it (without the snapshot Decibel does not make). */
export function publishingJobResource(base: string, job: PublishingJob) {
  const self = `${base}/publishing-jobs/${job.id}`;
  return scoped({
    id: job.id,
    scheduledDate: job.scheduledDate,
    createdDate: job.createdDate,
    createdBy: job.createdBy,
    state: job.state,
    ...(job.publishErrorStatus ? { publishErrorStatus: job.publishErrorStatus } : {}),
    _links: {
      self: link(self),
      'publishing-job': link(self),
      cancel: link(self),
      'content-item': link(`${base}/content-items/${job.contentItemId}`),
    },
  }, 'publishing-job', hubScope(job.hubId));
}
