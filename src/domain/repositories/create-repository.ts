import { conflict, invalid } from '../errors.js';
import { requireLocales, requireName, requireText } from '../fields.js';
import type { ContentRepository } from '../model.js';
import { DuplicateKeyError, type Actor, type Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';

export interface CreateRepositoryInput {
  name: string;
  label?: string;
  features?: string[];
  itemLocales?: string[];
}

/** The repository features the vendor's resources show; `slots` makes a repository hold slot items. */
export const REPOSITORY_FEATURES = ['slots'] as const;

export async function createRepository(
  deps: Deps,
  actor: Actor,
  hubId: string,
  input: CreateRepositoryInput,
): Promise<ContentRepository> {
  await getHub(deps, hubId);
  const name = requireName('ContentRepository', input.name);
  const features = input.features ?? [];
  for (const feature of features) {
    if (!(REPOSITORY_FEATURES as readonly string[]).includes(feature)) {
      throw invalid({
        entity: 'ContentRepository',
        property: 'features',
        invalidValue: feature,
        message: `unknown feature; known features: ${REPOSITORY_FEATURES.join(', ')}`,
      });
    }
  }
  const now = deps.clock.now();
  const repository: ContentRepository = {
    id: deps.ids.objectId(),
    hubId,
    name,
    label: input.label === undefined ? name : requireText('ContentRepository', 'label', input.label),
    status: 'ACTIVE',
    features: [...new Set(features)],
    type: 'CONTENT',
    itemLocales: input.itemLocales === undefined ? [] : requireLocales('ContentRepository', 'itemLocales', input.itemLocales),
    contentTypes: [],
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedBy: actor.sid,
    lastModifiedDate: now,
  };
  try {
    await deps.store.contentRepositories.insert(repository);
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw repositoryNameTaken(name);
    throw error;
  }
  return repository;
}

export const repositoryNameTaken = (name: string) =>
  conflict({ entity: 'ContentRepository', property: 'name', invalidValue: name, message: 'name must be unique within the hub' });
