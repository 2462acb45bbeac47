/**
 * The handler of each kind of background job, by kind; every instance runs the same set.
 */
import type { Deps } from '../domain/ports.js';
import { PUBLISH_JOB, runPublishingJob } from '../domain/content-items/publishing.js';
import { LOCALIZE_JOB, runLocalizationJob } from '../domain/content-items/localization.js';
import { ASSET_PUBLISH_JOB, runAssetPublishJob } from '../domain/media/publish-assets.js';
import type { JobHandler } from './runner.js';

export function jobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    [PUBLISH_JOB]: (job) => runPublishingJob(deps, (job.payload as { publishingJobId: string }).publishingJobId),
    [LOCALIZE_JOB]: (job) => runLocalizationJob(deps, (job.payload as { localizationJobId: string }).localizationJobId),
    [ASSET_PUBLISH_JOB]: (job) => runAssetPublishJob(deps, job.payload as Parameters<typeof runAssetPublishJob>[1]),
  };
}
