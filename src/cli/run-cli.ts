/** `decibel <command>`: picks the command, loads the configuration, and turns errors into messages and exit codes. */
import { ConfigError, loadConfig } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { UsageError, type CliIo, type Command } from './command.js';
import { commands } from './commands/index.js';
import { commandUsage, usage } from './usage.js';

export type { CliIo } from './command.js';

const HELP = ['--help', '-h'];

/** Runs one command line (without `node` and the script) and resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    io.stderr(usage());
    return 2;
  }
  if (HELP.includes(argv[0]!) || argv[0] === 'help') {
    io.stdout(usage());
    return 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.stderr(`decibel: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${usage()}`);
    return 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.some((arg) => HELP.includes(arg))) {
    io.stdout(commandUsage(command));
    return 0;
  }
  try {
    return await command.run(args, { config: loadConfig(io.env, io.cwd), io });
  } catch (error) {
    return reportError(error, command, io);
  }
}

function findCommand(argv: string[]): Command | undefined {
  return commands.find((command) => {
    const words = command.name.split(' ');
    return words.every((word, i) => argv[i] === word);
  });
}

function reportError(error: unknown, command: Command, io: CliIo): number {
  if (error instanceof ConfigError) {
    io.stderr(`decibel: bad configuration: ${error.message}\n`);
    return 2;
  }
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.stderr(`decibel ${command.name}: ${(error as Error).message}\n\n${commandUsage(command)}`);
    return 2;
  }
  if (error instanceof DomainError) {
    for (const detail of error.details) {
      const where = detail.entity && detail.property ? ` [${detail.entity}.${detail.property}${shown(detail.invalidValue)}]` : '';
      io.stderr(`decibel ${command.name}: ${detail.message}${where}\n`);
    }
    return 1;
  }
  io.stderr(`decibel ${command.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

const shown = (value: unknown) => (value === undefined ? '' : ` = ${JSON.stringify(value)}`);

/** node:util parseArgs reports unknown options, missing values and stray arguments as errors with these codes. */
const isParseArgsError = (error: unknown): boolean =>
  typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS_');
