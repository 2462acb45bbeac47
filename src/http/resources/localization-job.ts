import type { LocalizationJob } from '../../domain/model.js';
import { link } from '../hal.js';

/** A localization job as 002's example shows it, with an id and a self link so it can be read again. */
export function localizationJobResource(base: string, job: LocalizationJob) {
  return {
    id: job.id,
    status: job.status,
    rootContentItem: job.rootContentItem,
    requestedLocales: job.requestedLocales,
    ...(job.error ? { error: job.error } : {}),
    createdBy: job.createdBy,
    createdDate: job.createdDate,
    _links: {
      self: link(`${base}/localization-jobs/${job.id}`),
      'content-root': link(`${base}/content-items/${job.rootContentItem.id}`),
      findByRootContentItem: link(`${base}/localization-jobs/search/findByRootContentItem?id=${job.rootContentItem.id}{&page,size,sort}`),
    },
  };
}
