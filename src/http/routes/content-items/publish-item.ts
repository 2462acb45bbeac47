import { requestPublication } from '../../../domain/content-items/publishing.js';
import { enforceLimit } from '../../rate-limit.js';
import { idParams, type Route } from '../../context.js';

/**
 * POST /content-items/{id}/publish and /unpublish `{}` → 204 with `Location: …/publishing-jobs/{id}`
 * (the SDK and dc-cli follow it). Publishing counts against the caller's publish budget (002: 100 a
 * minute, DECIBEL_PUBLISH_RATE_LIMIT).
 */
export const publishContentItemRoute: Route = (app, { deps, limits }) => {
  for (const [path, action] of [
    ['publish', 'PUBLISH'],
    ['unpublish', 'UNPUBLISH'],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/content-items/:id/${path}`, { schema: { params: idParams('id') } }, async (request, reply) => {
      if (action === 'PUBLISH') await enforceLimit(limits, 'publish', request.actor.sid, 'publish');
      const job = await requestPublication(deps, request.actor, request.params.id, action);
      return reply.code(204).header('Location', `${request.base}/publishing-jobs/${job.id}`).send();
    });
  }
};
