/** Decibel as its own process (the real entry point under tsx), for tests of start-up, signals and scale-out. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface DecibelProcess {
  child: ChildProcess;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the server's base URL once it logs that it is ready. */
  ready(ms?: number): Promise<string>;
  /** SIGTERM, then the exit code (SIGKILL if it has not exited within 10 s). */
  stop(): Promise<number | null>;
}

/** `entry` is `main` (what `npm start` runs) or `cli` (the `decibel` executable; pass `serve` in `args`). */
export function startDecibelProcess(env: Record<string, string>, entry: 'main' | 'cli' = 'main', args: string[] = []): DecibelProcess {
  const script = path.join(ROOT, entry === 'main' ? 'src/main.ts' : 'src/cli/main.ts');
  const child = spawn(process.execPath, [TSX, script, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return {
    child,
    exited,
    output: () => output,
    async ready(ms = 30_000) {
      const until = Date.now() + ms;
      while (!output.includes('Decibel is ready')) {
        if (child.exitCode !== null) throw new Error(`decibel exited with ${child.exitCode}: ${output}`);
        if (Date.now() > until) throw new Error(`timed out waiting for start-up: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return /"authUrl":"([^"]+)"/.exec(output)![1]!;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}
