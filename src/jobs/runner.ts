/**
 * Runs queued background jobs (publishing, localization) on every instance. Workers claim jobs through
 * the store, which hands each job to one worker across all instances on the database (SKIP LOCKED on
 * PostgreSQL; SQLite's single writer in the embedded setup), then record the outcome.
 *
 * An instance finds work when it queued some itself (`wake`) or on its next poll, so jobs queued by
 * another instance wait at most one poll interval. A job whose worker died is claimed again once its
 * lease runs out, at most MAX_ATTEMPTS times.
 */
import type { Job, Store } from '../domain/ports.js';

export type JobHandler = (job: Job) => Promise<void>;

export interface JobRunnerOptions {
  store: Store;
  /** Handlers by job kind; kinds without one are left for instances that have it. */
  handlers: Record<string, JobHandler>;
  /** Names this instance in `claimed_by`. */
  workerId: string;
  pollIntervalMs: number;
  /** How long a claim holds before another instance may take the job over. */
  leaseMs?: number;
  /** Jobs run at once on this instance. */
  concurrency?: number;
  now?: () => Date;
  log: { error(details: object, message: string): void };
}

export interface JobRunner {
  /** Looks for work now rather than at the next poll. */
  wake(): void;
  /** Stops claiming, and resolves once the jobs in hand are finished. */
  stop(): Promise<void>;
}

export const MAX_ATTEMPTS = 3;
const DEFAULT_LEASE_MS = 5 * 60_000;

export function startJobRunner({
  store,
  handlers,
  workerId,
  pollIntervalMs,
  leaseMs = DEFAULT_LEASE_MS,
  concurrency = 2,
  now = () => new Date(),
  log,
}: JobRunnerOptions): JobRunner {
  const kinds = Object.keys(handlers);
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of sleepers) wake();
    sleepers.clear();
  };
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(done);
        resolve();
      }, pollIntervalMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      sleepers.add(done);
    });

  const finish = async (job: Job, outcome: { status: 'COMPLETED' | 'FAILED'; error?: string }) => {
    if (!(await store.jobs.finish(job.id, workerId, outcome, now().toISOString()))) {
      log.error({ jobId: job.id, kind: job.kind }, 'job outcome not recorded: its lease ran out and another worker took it over');
    }
  };

  const run = async (job: Job) => {
    if (job.attempts > MAX_ATTEMPTS) {
      return finish(job, { status: 'FAILED', error: `abandoned after ${MAX_ATTEMPTS} attempts that did not finish` });
    }
    try {
      await handlers[job.kind]!(job);
    } catch (error) {
      return finish(job, { status: 'FAILED', error: (error as Error).message ?? String(error) });
    }
    return finish(job, { status: 'COMPLETED' });
  };

  const worker = async () => {
    while (!stopped) {
      try {
        const at = now();
        const job = await store.jobs.claim(kinds, workerId, at.toISOString(), new Date(at.getTime() + leaseMs).toISOString());
        if (job) {
          await run(job);
          continue;
        }
      } catch (error) {
        // The database is away (or closing); try again after a pause rather than spinning.
        if (!stopped) log.error({ err: error }, 'job runner could not claim or finish a job');
      }
      if (!stopped) await idle();
    }
  };

  const workers = kinds.length === 0 ? [] : Array.from({ length: concurrency }, worker);
  return {
    wake: wakeAll,
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(workers);
    },
  };
}
