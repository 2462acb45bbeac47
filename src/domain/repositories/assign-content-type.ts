import { invalid, notFound } from '../errors.js';
import type { ContentRepository } from '../model.js';
import { DuplicateKeyError, type Deps } from '../ports.js';
import { inTransaction } from '../transaction.js';
import { getRepository } from './queries.js';

/**
 * POST /content-repositories/{id}/content-types `{contentTypeId}`. Assigning a type that is already
 * assigned succeeds without change, so a retried request (dc-cli retries 4xx) gives the same answer.
 */
export function assignContentType(deps: Deps, repositoryId: string, contentTypeId: unknown): Promise<ContentRepository> {
  return inTransaction(deps, async (tx) => {
    const repository = await getRepository(tx, repositoryId);
    if (typeof contentTypeId !== 'string' || contentTypeId === '') {
      throw invalid({ entity: 'ContentRepository', property: 'contentTypeId', invalidValue: contentTypeId ?? null, message: 'contentTypeId is required' });
    }
    const type = await tx.store.contentTypes.get(contentTypeId);
    if (!type || type.hubId !== repository.hubId) {
      throw invalid({
        entity: 'ContentRepository',
        property: 'contentTypeId',
        invalidValue: contentTypeId,
        message: 'no content type with this id in the repository’s hub',
      });
    }
    if (type.status !== 'ACTIVE') {
      throw invalid({ entity: 'ContentRepository', property: 'contentTypeId', invalidValue: contentTypeId, message: 'the content type is archived' });
    }
    if (repository.contentTypes.some((t) => t.hubContentTypeId === type.id)) return repository;
    try {
      await tx.store.contentRepositories.assign(repository.id, { hubContentTypeId: type.id, contentTypeUri: type.contentTypeUri });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    return getRepository(tx, repository.id);
  });
}

/** DELETE /content-repositories/{id}/content-types/{typeId}: 404 when the type is not assigned. */
export async function unassignContentType(deps: Deps, repositoryId: string, contentTypeId: string): Promise<void> {
  await getRepository(deps, repositoryId);
  const removed = await deps.store.contentRepositories.unassign(repositoryId, contentTypeId);
  if (!removed) throw notFound('ContentType', contentTypeId);
}
