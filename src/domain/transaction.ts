import type { Deps, Repositories, Store } from './ports.js';

/**
 * Runs `work` in one unit of work; operations called inside with the given deps join the same
 * transaction instead of opening their own.
 */
export function inTransaction<T>(deps: Deps, work: (tx: Deps) => Promise<T>): Promise<T> {
  return deps.store.transaction((repositories) => work({ ...deps, store: joined(deps.store, repositories) }));
}

function joined(store: Store, repositories: Repositories): Store {
  const tx: Store = { ...repositories, transaction: (work) => work(repositories), close: store.close };
  return tx;
}
