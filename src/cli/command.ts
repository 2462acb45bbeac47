/** What every `decibel` command is given and shares: its I/O, the usage error, option helpers, the store. */
import fs from 'node:fs';
import type { Config } from '../config.js';
import type { Deps } from '../domain/ports.js';
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
