import { patchable, requireLocales, requireName, requireText } from '../fields.js';
import type { ContentRepository } from '../model.js';
import { DuplicateKeyError, type Actor, type Deps } from '../ports.js';
import { repositoryNameTaken } from './create-repository.js';
import { getRepository } from './queries.js';

/** PATCH /content-repositories/{id}: name, label and itemLocales. */
export async function updateRepository(
  deps: Deps,
  actor: Actor,
  id: string,
  body: Record<string, unknown>,
): Promise<ContentRepository> {
  const repository = await getRepository(deps, id);
  const patch = patchable(body, ['name', 'label', 'itemLocales']);
  const next: ContentRepository = {
    ...repository,
    name: patch.name === undefined ? repository.name : requireName('ContentRepository', patch.name),
    label: patch.label === undefined ? repository.label : requireText('ContentRepository', 'label', patch.label),
    itemLocales:
      patch.itemLocales === undefined
        ? repository.itemLocales
        : requireLocales('ContentRepository', 'itemLocales', patch.itemLocales),
  };
  if (JSON.stringify(next) === JSON.stringify(repository)) return repository;
  const saved = { ...next, lastModifiedBy: actor.sid, lastModifiedDate: deps.clock.now() };
  try {
    await deps.store.contentRepositories.update(saved);
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw repositoryNameTaken(saved.name);
    throw error;
  }
  return saved;
}
