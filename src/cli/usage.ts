/** The --help text, built from the commands' own option lists so it cannot drift from what they accept. */
import type { Command } from './command.js';
import { commands } from './commands/index.js';

export function commandUsage(command: Command): string {
  const lines = [`decibel ${command.name}${command.synopsis ? ` ${command.synopsis}` : ''}`, `    ${command.summary}`];
  const width = Math.max(0, ...command.options.map(([flags]) => flags.length));
  for (const [flags, description] of command.options) lines.push(`    ${flags.padEnd(width)}  ${description}`);
  return `${lines.join('\n')}\n`;
}

export function usage(): string {
  return [
    'Usage: decibel <command> [options]',
    '',
    'Decibel reads the same environment variables as the server: DECIBEL_DATA_DIR (default ./data) chooses',
    'the database, so run commands with the server\'s settings. Other commands may run while the server is up.',
    '',
    'Commands:',
    '',
    ...commands.map(commandUsage),
    'decibel --help, decibel <command> --help',
    '    Show this help, or one command\'s.',
    '',
    'Exit codes: 0 done, 1 refused (the reasons are printed) or failed, 2 bad command line or configuration.',
    '',
  ].join('\n');
}
