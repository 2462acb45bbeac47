import { cancelPublishingJob, getPublishingJob } from '../../../domain/content-items/publishing.js';
import { publishingJobResource } from '../../resources/publishing-job.js';
import { idParams, type Route } from '../../context.js';

/** GET /publishing-jobs/{id} and PATCH /publishing-jobs/{id} `{state: "CANCELLED"}` (`cancel`). */
export const publishingJobRoutes: Route = (app, { deps }) => {
  app.get<{ Params: { id: string } }>('/publishing-jobs/:id', { schema: { params: idParams('id') } }, async (request) =>
    publishingJobResource(request.base, await getPublishingJob(deps, request.params.id)),
  );
  app.patch<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/publishing-jobs/:id',
    { schema: { params: idParams('id'), body: { type: 'object' } } },
    async (request) => publishingJobResource(request.base, await cancelPublishingJob(deps, request.params.id, request.body)),
  );
};
