import type { Command } from '../command.js';
import { serveCommand } from './serve.js';
import { clientCreateCommand } from './client-create.js';
import { patCreateCommand } from './pat-create.js';
import { hubCreateCommand } from './hub-create.js';
import { repositoryCreateCommand } from './repository-create.js';
import { mediaHubCreateCommand } from './media-hub-create.js';
import { assetRepositoryCreateCommand } from './asset-repository-create.js';
import { grantCommand } from './grant.js';
import { revokeCommand } from './revoke.js';

/** Every `decibel` command, in the order --help lists them. */
export const commands: Command[] = [
  serveCommand,
  clientCreateCommand,
  patCreateCommand,
  hubCreateCommand,
  repositoryCreateCommand,
  mediaHubCreateCommand,
  assetRepositoryCreateCommand,
  grantCommand,
  revokeCommand,
];
