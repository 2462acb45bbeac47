import { copyContentItem, createContentItem } from '../../../domain/content-items/items.js';
import { contentItemResource } from '../../resources/content-item.js';
import { idParams, type Route } from '../../context.js';

/**
 * POST /content-repositories/{id}/content-items (`create-content-item`) `{label, body, folderId?, locale?,
 * assignees?}` → 201; with `?sourceContentItemId=` a copy of that item (`copy`). `?ignoreSchemaValidation=true`
 * skips checking the body against the content type's schema.
 */
export const createContentItemRoute: Route = (app, { deps }) =>
  app.post<{
    Params: { repositoryId: string };
    Querystring: { ignoreSchemaValidation?: boolean; sourceContentItemId?: string };
    Body: Record<string, unknown> | undefined;
  }>(
    '/content-repositories/:repositoryId/content-items',
    {
      schema: {
        params: idParams('repositoryId'),
        querystring: {
          type: 'object',
          properties: { ignoreSchemaValidation: { type: 'boolean' }, sourceContentItemId: { type: 'string', minLength: 1 } },
        },
        body: { type: 'object' },
      },
    },
    async (request, reply) => {
      const options = { ignoreSchemaValidation: request.query.ignoreSchemaValidation === true };
      const input = request.body ?? {};
      const item = request.query.sourceContentItemId
        ? await copyContentItem(deps, request.actor, request.params.repositoryId, request.query.sourceContentItemId, input, options)
        : await createContentItem(deps, request.actor, request.params.repositoryId, input, options);
      const body = contentItemResource(request.base, item);
      return reply.code(201).header('Location', body._links.self!.href).send(body);
    },
  );
