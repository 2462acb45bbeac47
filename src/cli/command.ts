/** What every `decibel` command is given and shares: its I/O, the usage error, option helpers, the store. */
import fs from 'node:fs';
import type { Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import type { AssetRepository, ContentRepository, Hub, MediaHub } from '../domain/model.js';
import type { Deps, Store } from '../domain/ports.js';
import { fromGlobalId } from '../graphql/ids.js';
import { closeDeps, openDeps } from '../server.js';

export interface CliIo {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Command {
  /** The words that select it, e.g. `hub create`. */
  name: string;
  /** Its arguments in short, e.g. `--name NAME [options]`. */
  synopsis: string;
  summary: string;
  /** `[flags, description]` for --help. */
  options: [string, string][];
  /** Returns the exit code. */
  run(args: string[], context: { config: Config; io: CliIo }): Promise<number>;
}

/** A command line that cannot be run as given; exit code 2 with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const JSON_OPTION: [string, string] = ['--json', 'print a JSON object instead of text'];

export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  return value;
}

/** Prints `data` as JSON with --json, else the human-readable `lines`. */
export function print(io: CliIo, json: boolean | undefined, data: object, lines: string[]): void {
  io.stdout(json ? `${JSON.stringify(data, null, 2)}\n` : `${lines.join('\n')}\n`);
}

/** Opens the store the server uses (DECIBEL_DATA_DIR), runs `work`, and always closes it again. */
export async function withDeps<T>(config: Config, io: CliIo, work: (deps: Deps) => Promise<T>): Promise<T> {
  // A mistyped or relative DECIBEL_DATA_DIR would otherwise silently write to a database the server never reads.
  if (!fs.existsSync(config.dataDir)) {
    io.stderr(`decibel: ${config.dataDir} does not exist; creating a new data folder there (set DECIBEL_DATA_DIR to use the server's)\n`);
  }
  const deps = await openDeps(config);
  try {
    return await work(deps);
  } finally {
    await closeDeps(deps);
  }
}

const noSuch = (entity: string, idOrName: string, what: string) =>
  new DomainError('NotFound', [{ entity, property: 'id or name', invalidValue: idOrName, message: `no ${what} with this id or name` }]);

/** A hub given by id or by name. */
export async function findHub(store: Store, idOrName: string): Promise<Hub> {
  const hub = (await store.hubs.get(idOrName)) ?? (await store.hubs.getByName(idOrName));
  if (!hub) throw noSuch('Hub', idOrName, 'hub');
  return hub;
}

/** A content repository given by id or as `HUB/NAME` (the hub by id or name); with its hub. */
export async function findContentRepository(store: Store, ref: string): Promise<{ hub: Hub; repository: ContentRepository }> {
  const slash = ref.indexOf('/');
  const repository =
    slash < 0
      ? await store.contentRepositories.get(ref)
      : await store.contentRepositories.getByName((await findHub(store, ref.slice(0, slash))).id, ref.slice(slash + 1));
  const hub = repository && (await store.hubs.get(repository.hubId));
  if (!repository || !hub) throw noSuch('ContentRepository', ref, 'content repository');
  return { hub, repository };
}

/** The raw id a GraphQL global id of `type` stands for, or the text itself (a UUID or a name). */
const rawId = (idOrName: string, type: string) => {
  const decoded = fromGlobalId(idOrName);
  return decoded?.type === type ? decoded.id : idOrName;
};

/** A media hub given by id (a UUID or its GraphQL id) or by name. */
export async function findMediaHub(store: Store, idOrName: string): Promise<MediaHub> {
  const hub = (await store.media.getHub(rawId(idOrName, 'MediaHub'))) ?? (await store.media.getHubByName(idOrName));
  if (!hub) throw noSuch('MediaHub', idOrName, 'media hub');
  return hub;
}

/** An asset repository given by id (a UUID or its GraphQL id); with its media hub. */
export async function findAssetRepository(store: Store, id: string): Promise<{ hub: MediaHub; repository: AssetRepository }> {
  const repository = await store.media.getRepository(rawId(id, 'AssetRepository'));
  const hub = repository && (await store.media.getHub(repository.mediaHubId));
  if (!repository || !hub) {
    throw new DomainError('NotFound', [{ entity: 'AssetRepository', property: 'id', invalidValue: id, message: 'no asset repository with this id' }]);
  }
  return { hub, repository };
}
