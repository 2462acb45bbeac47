/**
 * The `decibel` command line, run in-process on the data folder of a real server: what it creates
 * must work over HTTP and through the official SDK while that server keeps running.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { CLIENT_ID, freshPostgresDatabase, HUB_NAME, startTestServer, type TestServer } from '../helpers/server.js';
import { startDecibelProcess } from '../helpers/process.js';

let workDir: string;
let server: TestServer;
/** In the PostgreSQL project the CLI and the server share a database made for this file. */
let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
const databaseEnv = (): Record<string, string> => (database ? { DATABASE_URL: database.url } : {});
let firstClient: { clientId: string; secret: string };
let firstRun: CliResult;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line as `decibel` would, from `workDir` with the relative DECIBEL_DATA_DIR `data`. */
async function cli(...argv: string[]): Promise<CliResult> {
  const result = { code: -1, stdout: '', stderr: '' };
  result.code = await runCli(argv, {
    env: { DECIBEL_DATA_DIR: 'data', DECIBEL_CLIENT_ID: CLIENT_ID, LOG_LEVEL: 'silent', ...databaseEnv() },
    cwd: workDir,
    stdout: (text) => (result.stdout += text),
    stderr: (text) => (result.stderr += text),
  });
  return result;
}

async function cliJson<T>(...argv: string[]): Promise<T> {
  const result = await cli(...argv, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

const tokenFor = (clientId: string, secret: string) =>
  fetch(`${server.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });

const hubNames = async () => {
  const body = (await (await server.api('/hubs?size=100')).json()) as { _embedded: { hubs: { name: string }[] } };
  return body._embedded.hubs.map((hub) => hub.name).sort();
};

const repositoriesOf = async (hubId: string) => {
  const response = await server.api(`/hubs/${hubId}/content-repositories`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    _embedded: { 'content-repositories': { id: string; name: string; features: string[]; itemLocales: string[] }[] };
  };
  return body._embedded['content-repositories'];
};

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-cli-'));
  database = await freshPostgresDatabase();
  // Before any server has run: the command creates the data folder and its database.
  firstRun = await cli('client', 'create', '--id', 'before-start', '--secret', 'before-start-secret', '--json');
  firstClient = JSON.parse(firstRun.stdout) as typeof firstClient;
  server = await startTestServer({ DECIBEL_DATA_DIR: path.join(workDir, 'data'), ...databaseEnv() });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  await fs.rm(workDir, { recursive: true, force: true });
});

describe('decibel client create', () => {
  it('creates a client before the server first starts, saying where the new data folder is', async () => {
    expect(firstRun.code).toBe(0);
    expect(firstRun.stderr).toContain(`${path.join(workDir, 'data')} does not exist`);
    expect(firstClient).toEqual({ clientId: 'before-start', secret: 'before-start-secret' });
    const response = await tokenFor('before-start', 'before-start-secret');
    expect(response.status).toBe(200);
  });

  it('prints a random secret once, and the client gets a token and lists hubs with it', async () => {
    const result = await cli('client', 'create', '--id', 'cli-client', '--label', 'made by the CLI');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const secret = /client secret: (\S+)/.exec(result.stdout)?.[1];
    expect(result.stdout).toContain('client id:     cli-client');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const response = await tokenFor('cli-client', secret!);
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    const hubs = await fetch(`${server.apiUrl}/hubs`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(hubs.status).toBe(200);
    const body = (await hubs.json()) as { _embedded: { hubs: { name: string }[] } };
    expect(body._embedded.hubs.map((hub) => hub.name)).toContain(HUB_NAME);
  });

  it('refuses an existing client id with exit code 1', async () => {
    const result = await cli('client', 'create', '--id', 'cli-client');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('a client with this id exists');
  });
});

describe('decibel pat create', () => {
  it('prints a token that works as a bearer token and with the official SDK', async () => {
    const pat = await cliJson<{ token: string; clientId: string; expiresAt: string | null }>(
      'pat', 'create', '--client', firstClient.clientId, '--label', 'ci',
    );
    expect(pat.clientId).toBe(firstClient.clientId);
    expect(pat.expiresAt).toBeNull();

    const response = await fetch(`${server.apiUrl}/hubs`, { headers: { authorization: `Bearer ${pat.token}` } });
    expect(response.status).toBe(200);
    const hubs = await server.sdk({ patToken: pat.token }).hubs.list();
    expect(hubs.getItems().map((hub) => hub.name)).toContain(HUB_NAME);
  });

  it('sets an expiry from --expires-in-days', async () => {
    const before = Date.now();
    const pat = await cliJson<{ expiresAt: string }>('pat', 'create', '--client', firstClient.clientId, '--expires-in-days', '2');
    const days = (Date.parse(pat.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(2);
    expect(days).toBeLessThan(2.01);
  });

  it('refuses an unknown client (1) and a bad or missing option (2)', async () => {
    const unknown = await cli('pat', 'create', '--client', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no client with this id');
    const zeroDays = await cli('pat', 'create', '--client', firstClient.clientId, '--expires-in-days', '0');
    expect(zeroDays.code).toBe(2);
    expect(zeroDays.stderr).toContain('--expires-in-days must be a whole number');
    const missing = await cli('pat', 'create');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--client is required');
  });
});

describe('decibel hub create', () => {
  it('creates a hub with a content and a slots repository, visible over the API', async () => {
    const hub = await cliJson<{ id: string; name: string; label: string; repositories: { id: string; name: string }[] }>(
      'hub', 'create', '--name', 'cli-hub', '--label', 'CLI hub', '--description', 'from the command line',
    );
    expect(hub).toMatchObject({ name: 'cli-hub', label: 'CLI hub' });
    expect(hub.id).toMatch(/^[0-9a-f]{24}$/);

    const response = await server.api(`/hubs/${hub.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'cli-hub', label: 'CLI hub', description: 'from the command line' });
    const repositories = await repositoriesOf(hub.id);
    expect(repositories.map(({ name, features }) => ({ name, features })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'content', features: [] },
      { name: 'slots', features: ['slots'] },
    ]);
    expect(hub.repositories.map((r) => r.id).sort()).toEqual(repositories.map((r) => r.id).sort());
  });

  it('creates a hub without repositories with --no-repositories, printing text by default', async () => {
    const result = await cli('hub', 'create', '--name', 'bare-hub', '--no-repositories');
    expect(result.code).toBe(0);
    const id = /hub id: ([0-9a-f]{24})/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(await repositoriesOf(id!)).toEqual([]);
  });

  it('refuses a duplicate name with exit code 1 and leaves nothing new', async () => {
    const before = await hubNames();
    const result = await cli('hub', 'create', '--name', HUB_NAME, '--label', 'second');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('name must be unique');
    expect(await hubNames()).toEqual(before);
  });
});

describe('decibel repository create', () => {
  it('adds a repository to a hub given by name, with features and locales', async () => {
    const created = await cliJson<{ id: string; hubId: string; name: string }>(
      'repository', 'create', '--hub', 'cli-hub', '--name', 'banners', '--feature', 'slots', '--locale', 'en-GB', '--locale', 'fr-FR',
    );
    const response = await server.api(`/content-repositories/${created.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'banners', features: ['slots'], itemLocales: ['en-GB', 'fr-FR'] });
    expect((await repositoriesOf(created.hubId)).map((r) => r.name)).toContain('banners');
  });

  it('also takes the hub by id', async () => {
    const hub = await cliJson<{ id: string }>('hub', 'create', '--name', 'by-id', '--no-repositories');
    const result = await cli('repository', 'create', '--hub', hub.id, '--name', 'pages');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/repository id: [0-9a-f]{24}/);
    expect((await repositoriesOf(hub.id)).map((r) => r.name)).toEqual(['pages']);
  });

  it('refuses an unknown hub or feature with exit code 1', async () => {
    const noHub = await cli('repository', 'create', '--hub', 'no-such-hub', '--name', 'x');
    expect(noHub.code).toBe(1);
    expect(noHub.stderr).toContain('no hub with this id or name');
    const badFeature = await cli('repository', 'create', '--hub', 'cli-hub', '--name', 'x', '--feature', 'teleport');
    expect(badFeature.code).toBe(1);
    expect(badFeature.stderr).toContain('unknown feature');
  });
});

describe('usage', () => {
  it('prints help listing every command and option with exit code 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    for (const text of [
      'decibel serve', 'client create', 'pat create', 'hub create', 'repository create', 'media-hub create', 'asset-repository create',
      '--no-repositories', '--no-repository', '--media-hub', '--expires-in-days', '--locale',
    ]) {
      expect(result.stdout).toContain(text);
    }
    const one = await cli('hub', 'create', '--help');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--no-repositories');
    expect(one.stdout).not.toContain('pat create');
  });

  it('answers an unknown command, an unknown option or no command with usage on stderr and exit code 2', async () => {
    for (const argv of [['hub', 'delete'], ['frobnicate'], ['hub', 'create', '--name', 'x', '--colour', 'red'], []]) {
      const result = await cli(...argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('decibel hub create');
    }
    expect(await hubNames()).not.toContain('x');
  });

  it('refuses a bad setting with exit code 2, naming the variable', async () => {
    let stderr = '';
    const code = await runCli(['hub', 'create', '--name', 'never'], {
      env: { DECIBEL_DATA_DIR: 'data', LOG_LEVEL: 'loud' },
      cwd: workDir,
      stdout: () => {},
      stderr: (text) => (stderr += text),
    });
    expect(code).toBe(2);
    expect(stderr).toBe('decibel: bad configuration: LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "loud"\n');
    expect(await hubNames()).not.toContain('never');
  });
});

describe('decibel serve', () => {
  it('runs the server from the executable and stops cleanly on SIGTERM', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-cli-serve-'));
    const serving = startDecibelProcess({ PORT: '0', DECIBEL_DATA_DIR: dataDir, ...databaseEnv() }, 'cli', ['serve']);
    try {
      const url = await serving.ready();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(await serving.stop()).toBe(0);
      expect(serving.output()).toContain('database closed');
    } finally {
      if (serving.child.exitCode === null) serving.child.kill('SIGKILL');
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('decibel media-hub create and asset-repository create', () => {
  interface GraphqlHub {
    id: string;
    label: string;
    assetRepositories: { edges: { node: { id: string; label: string } }[] };
  }
  const mediaHubs = async (): Promise<GraphqlHub[]> => {
    const { status, body } = await server.graphql(
      '{ viewer { mediaHubs(first: 100) { edges { node { id label assetRepositories { edges { node { id label } } } } } } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data.viewer.mediaHubs.edges.map((edge: { node: GraphqlHub }) => edge.node);
  };
  const repositoryLabels = (hub: GraphqlHub | undefined) => hub?.assetRepositories.edges.map((edge) => edge.node.label).sort();
  const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('creates a media hub with an "Assets" repository and adds a repository by name, both visible over GraphQL', async () => {
    const hub = await cliJson<{ id: string; graphqlId: string; name: string; label: string; assetRepositories: { id: string; graphqlId: string; label: string }[] }>(
      'media-hub', 'create', '--name', 'cli-media', '--label', 'CLI media',
    );
    expect(hub).toEqual({
      id: expect.stringMatching(UUID),
      graphqlId: globalId('MediaHub', hub.id),
      name: 'cli-media',
      label: 'CLI media',
      assetRepositories: [{ id: expect.stringMatching(UUID), graphqlId: globalId('AssetRepository', hub.assetRepositories[0]!.id), label: 'Assets' }],
    });
    const repository = await cliJson<{ id: string; graphqlId: string; label: string; mediaHubId: string; mediaHubName: string }>(
      'asset-repository', 'create', '--media-hub', 'cli-media', '--label', 'Banners',
    );
    expect(repository).toEqual({
      id: expect.stringMatching(UUID),
      graphqlId: globalId('AssetRepository', repository.id),
      label: 'Banners',
      mediaHubId: hub.id,
      mediaHubName: 'cli-media',
    });

    const listed = (await mediaHubs()).find((node) => node.id === hub.graphqlId);
    expect(listed?.label).toBe('CLI media');
    expect(listed?.assetRepositories.edges.map((edge) => edge.node).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { id: hub.assetRepositories[0]!.graphqlId, label: 'Assets' },
      { id: repository.graphqlId, label: 'Banners' },
    ]);
  });

  it('makes a media hub without a repository with --no-repository, then takes it by UUID or GraphQL id', async () => {
    const result = await cli('media-hub', 'create', '--name', 'bare-media', '--no-repository');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const id = /media hub id: (\S+)/.exec(result.stdout)?.[1];
    expect(id).toMatch(UUID);
    expect(result.stdout).not.toContain('asset repository');
    expect(repositoryLabels((await mediaHubs()).find((node) => node.id === globalId('MediaHub', id!)))).toEqual([]);

    const byUuid = await cli('asset-repository', 'create', '--media-hub', id!, '--label', 'Photos');
    expect(byUuid.code).toBe(0);
    expect(byUuid.stdout).toMatch(/asset repository id: [0-9a-f-]{36}/);
    expect(byUuid.stdout).toContain(`media hub:           bare-media (${id})`);
    await cliJson('asset-repository', 'create', '--media-hub', globalId('MediaHub', id!), '--label', 'Videos');
    expect(repositoryLabels((await mediaHubs()).find((node) => node.id === globalId('MediaHub', id!)))).toEqual(['Photos', 'Videos']);
  });

  it('refuses a taken or malformed name with exit code 1 and leaves nothing new', async () => {
    const before = await mediaHubs();
    // The first start made a media hub named like the bootstrap hub.
    for (const name of [HUB_NAME, 'cli-media']) {
      const taken = await cli('media-hub', 'create', '--name', name);
      expect(taken.code).toBe(1);
      expect(taken.stdout).toBe('');
      expect(taken.stderr).toBe(`decibel media-hub create: name must be unique [MediaHub.name = "${name}"]\n`);
    }
    const malformed = await cli('media-hub', 'create', '--name', 'Media Hub');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('name must contain only lower-case letters, digits and hyphens');
    expect(await mediaHubs()).toEqual(before);
  });

  it('refuses an unknown media hub or a blank label (1) and a missing option (2)', async () => {
    const before = await mediaHubs();
    const unknown = await cli('asset-repository', 'create', '--media-hub', 'no-such-media', '--label', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no media hub with this id or name');
    const blank = await cli('asset-repository', 'create', '--media-hub', 'cli-media', '--label', ' ');
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('label must not be blank');
    const missing = await cli('asset-repository', 'create', '--label', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--media-hub is required');
    expect(await mediaHubs()).toEqual(before);
  });
});
