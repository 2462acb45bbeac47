/**
 * The handler of each kind of background job, by kind. Publishing and localization (issue 4) register
 * here; every instance runs the same set.
 */
import type { Deps } from '../domain/ports.js';
import type { JobHandler } from './runner.js';

export function jobHandlers(_deps: Deps): Record<string, JobHandler> {
  return {};
}
