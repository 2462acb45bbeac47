/**
 * The `decibel` command line, run in-process on the data folder of a real server: what it creates
 * must work over HTTP and through the official SDK while that server keeps running.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { CLIENT_ID, freshPostgresDatabase, HUB_NAME, schemaBody, startTestServer, type TestServer } from '../helpers/server.js';
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

/** A bearer token for a client made by the CLI. */
async function bearer(clientId: string, secret: string): Promise<string> {
  const response = await tokenFor(clientId, secret);
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** fetch against /v2/content as that token's client. */
const as = (token: string, target: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  return fetch(`${server.apiUrl}${target}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
};

/** The names of the hubs the token's client sees. */
const hubsSeenBy = async (token: string) => {
  const response = await as(token, '/hubs?size=100');
  expect(response.status).toBe(200);
  return ((await response.json()) as { _embedded: { hubs: { name: string }[] } })._embedded.hubs.map((hub) => hub.name).sort();
};

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
    expect(firstClient).toEqual({ clientId: 'before-start', secret: 'before-start-secret', role: null, acl: [], functional: [] });
    const response = await tokenFor('before-start', 'before-start-secret');
    expect(response.status).toBe(200);
  });

  it('prints a random secret once, and the client gets a token and lists hubs with it', async () => {
    const result = await cli('client', 'create', '--id', 'cli-client', '--label', 'made by the CLI', '--hub', HUB_NAME, '--role', 'reader');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const secret = /client secret: (\S+)/.exec(result.stdout)?.[1];
    expect(result.stdout).toContain('client id:     cli-client');
    expect(result.stdout).toContain('role:          reader');
    expect(result.stdout).toMatch(new RegExp(`hub ${HUB_NAME} \\([0-9a-f]{24}\\): READ\n`));
    expect(result.stdout).toContain('client-wide: CONTENT:FUNCTIONAL:CONTENT_ITEM:READ');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const response = await tokenFor('cli-client', secret!);
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    const hubs = await fetch(`${server.apiUrl}/hubs`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(hubs.status).toBe(200);
    const body = (await hubs.json()) as { _embedded: { hubs: { name: string }[] } };
    expect(body._embedded.hubs.map((hub) => hub.name)).toEqual([HUB_NAME]);
  });

  it('makes a client without --role that holds nothing and sees no hub, and says so', async () => {
    const result = await cli('client', 'create', '--id', 'no-role', '--secret', 'no-role-secret');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('permissions:   none');
    const token = await bearer('no-role', 'no-role-secret');
    expect(await hubsSeenBy(token)).toEqual([]);
    const hub = await cliJson<{ id: string }>('hub', 'create', '--name', 'unseen-hub', '--no-repositories');
    expect((await as(token, `/hubs/${hub.id}`)).status).toBe(404);
  });

  it('gives a role on a hub and a media hub, printed with --json, seen over REST and GraphQL', async () => {
    const created = await cliJson<{
      clientId: string;
      secret: string;
      role: string;
      acl: { resourceType: string; resourceId: string; resourceName: string; permissions: string[] }[];
      functional: string[];
    }>('client', 'create', '--id', 'cli-author', '--role', 'author', '--hub', HUB_NAME, '--media-hub', HUB_NAME);
    expect(created.role).toBe('author');
    expect(created.acl).toEqual([
      { resourceType: 'hubs', resourceId: expect.stringMatching(/^[0-9a-f]{24}$/), resourceName: HUB_NAME, permissions: ['READ', 'EDIT'] },
      { resourceType: 'media-hubs', resourceId: expect.any(String), resourceName: HUB_NAME, permissions: ['READ', 'EDIT'] },
    ]);
    expect(created.functional).toContain('CONTENT:FUNCTIONAL:CONTENT_ITEM:CREATE');
    expect(created.functional).not.toContain('CONTENT:FUNCTIONAL:CONTENT_ITEM:PUBLISH');

    const token = await bearer(created.clientId, created.secret);
    expect(await hubsSeenBy(token)).toEqual([HUB_NAME]);
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { mediaHubs(first: 100) { edges { node { name } } } } }' }),
    });
    const body = (await graphql.json()) as { data: { viewer: { mediaHubs: { edges: { node: { name: string } }[] } } } };
    expect(body.data.viewer.mediaHubs.edges.map((edge) => edge.node.name)).toEqual([HUB_NAME]);
  });

  it('refuses a bad role, an unknown hub or a role without a place (and the reverse), creating no client', async () => {
    const refusals: [string[], number, string][] = [
      [['--role', 'overlord', '--hub', HUB_NAME], 1, 'role must be one of reader, author, publisher, developer, admin [Role.role = "overlord"]'],
      [['--role', 'toString', '--hub', HUB_NAME], 1, 'role must be one of'],
      [['--role', 'reader', '--hub', 'no-such-hub'], 1, 'no hub with this id or name [Hub.id or name = "no-such-hub"]'],
      [['--role', 'reader', '--hub', HUB_NAME, '--media-hub', 'no-such-media'], 1, 'no media hub with this id or name'],
      [['--role', 'reader'], 2, '--role needs --hub or --media-hub'],
      [['--hub', HUB_NAME], 2, 'give --role too'],
    ];
    for (const [options, code, message] of refusals) {
      const result = await cli('client', 'create', '--id', 'refused', '--secret', 'refused-secret', ...options);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect((await tokenFor('refused', 'refused-secret')).status).not.toBe(200);
    }
    // Nothing was left behind: the id is still free.
    expect((await cli('client', 'create', '--id', 'refused')).code).toBe(0);
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
    // Made before the first start, the client holds nothing yet.
    expect((await cli('grant', '--client', firstClient.clientId, '--hub', HUB_NAME, '--role', 'reader')).code).toBe(0);
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

  it('enables both modules by default and none with --no-modules', async () => {
    const modulesOf = async (hubId: string) => {
      const response = await server.api(`/modules/hubs/${hubId}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { modules: { name: string; enabled: boolean }[] }).modules.map(({ name, enabled }) => ({ name, enabled }));
    };
    const plain = await cliJson<{ id: string; modules: string[] }>('hub', 'create', '--name', 'modules-on', '--no-repositories');
    expect(plain.modules).toEqual(['search-index', 'content-delivery-2']);
    expect(await modulesOf(plain.id)).toEqual([
      { name: 'search-index', enabled: true },
      { name: 'content-delivery-2', enabled: true },
    ]);
    const result = await cli('hub', 'create', '--name', 'modules-off', '--no-modules');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('modules: none');
    const id = /hub id: ([0-9a-f]{24})/.exec(result.stdout)![1]!;
    expect(await modulesOf(id)).toEqual([
      { name: 'search-index', enabled: false },
      { name: 'content-delivery-2', enabled: false },
    ]);
    // Still with its repositories, and administered by the bootstrap client.
    expect((await repositoriesOf(id)).map((r) => r.name).sort()).toEqual(['content', 'slots']);
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

describe('decibel grant and revoke', () => {
  const SCHEMA = 'https://schema.example.com/cli-grants.json';
  let hubId: string;
  let contentId: string;
  let token: string;
  const newItem = { label: 'from a grant', body: { _meta: { name: 'granted', schema: SCHEMA }, title: 'x' } };
  const createItem = () => as(token, `/content-repositories/${contentId}/content-items`, { method: 'POST', json: newItem });

  beforeAll(async () => {
    const hub = await cliJson<{ id: string; repositories: { id: string; name: string }[] }>('hub', 'create', '--name', 'grants-hub');
    hubId = hub.id;
    contentId = hub.repositories.find((r) => r.name === 'content')!.id;
    // The bootstrap client administers hubs the CLI makes: it sets up a content type to create items of.
    expect((await server.api(`/hubs/${hubId}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA, body: schemaBody(SCHEMA), validationLevel: 'CONTENT_TYPE' } })).status).toBe(201);
    const type = (await (await server.api(`/hubs/${hubId}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA, settings: { label: 'Granted' } } })).json()) as { id: string };
    expect((await server.api(`/content-repositories/${contentId}/content-types`, { method: 'POST', json: { contentTypeId: type.id } })).status).toBe(200);
    expect((await cli('client', 'create', '--id', 'grantee', '--secret', 'grantee-secret', '--role', 'reader', '--hub', 'grants-hub')).code).toBe(0);
    token = await bearer('grantee', 'grantee-secret');
  });

  it('grants ACL and functional permissions together, counting from the next request', async () => {
    expect(await hubsSeenBy(token)).toEqual(['grants-hub']);
    expect((await createItem()).status).toBe(403);

    const result = await cli('grant', '--client', 'grantee', '--hub', 'grants-hub', '--permissions', 'EDIT,CONTENT:FUNCTIONAL:CONTENT_ITEM:CREATE');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `granted to client grantee:\n  hub grants-hub (${hubId}): EDIT\n  client-wide: CONTENT:FUNCTIONAL:CONTENT_ITEM:CREATE\n`,
    );
    // The same token: grants are read on every request.
    expect((await createItem()).status).toBe(201);
  });

  it('revokes, counting from the next request; what is not held is skipped', async () => {
    const revoked = await cliJson<{ clientId: string; acl: unknown[]; functional: string[]; notHeld: string[] }>(
      'revoke', '--client', 'grantee', '--hub', hubId, '--permissions', 'EDIT,MANAGE_ACCESS',
    );
    expect(revoked).toEqual({
      clientId: 'grantee',
      acl: [{ resourceType: 'hubs', resourceId: hubId, resourceName: 'grants-hub', permissions: ['EDIT'] }],
      functional: [],
      notHeld: ['MANAGE_ACCESS'],
    });
    expect((await createItem()).status).toBe(403);

    // EDIT on the repository alone (given as HUB/NAME) is enough again.
    const granted = await cliJson<{ acl: { resourceType: string; resourceId: string; resourceName: string }[] }>(
      'grant', '--client', 'grantee', '--repository', 'grants-hub/content', '--permissions', 'edit',
    );
    expect(granted.acl).toEqual([{ resourceType: 'content-repositories', resourceId: contentId, resourceName: 'grants-hub/content', permissions: ['EDIT'] }]);
    expect((await createItem()).status).toBe(201);

    const functional = await cli('revoke', '--client', 'grantee', '--permissions', 'CONTENT:FUNCTIONAL:CONTENT_ITEM:CREATE');
    expect(functional.code).toBe(0);
    expect(functional.stdout).toBe('revoked from client grantee:\n  client-wide: CONTENT:FUNCTIONAL:CONTENT_ITEM:CREATE\n');
    expect((await createItem()).status).toBe(403);

    // Without READ on the hub the client no longer sees it at all.
    expect((await cli('revoke', '--client', 'grantee', '--hub', 'grants-hub', '--permissions', 'READ')).code).toBe(0);
    expect(await hubsSeenBy(token)).toEqual([]);
    expect((await as(token, `/hubs/${hubId}`)).status).toBe(404);
    const again = await cli('revoke', '--client', 'grantee', '--hub', 'grants-hub', '--permissions', 'READ');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('revoked from client grantee: nothing');

    // A role puts it back.
    const role = await cli('grant', '--client', 'grantee', '--hub', 'grants-hub', '--role', 'author');
    expect(role.code).toBe(0);
    expect(role.stdout).toContain('granted to client grantee (role author):');
    expect(await hubsSeenBy(token)).toEqual(['grants-hub']);
    expect((await createItem()).status).toBe(201);
  });

  it('refuses an unknown client, resource or name, or a bad combination, writing nothing', async () => {
    expect((await cli('revoke', '--client', 'grantee', '--permissions', 'CONTENT:FUNCTIONAL:CONTENT_ITEM:CREATE')).code).toBe(0);
    expect((await createItem()).status).toBe(403);
    const create = 'CONTENT:FUNCTIONAL:CONTENT_ITEM:CREATE';
    const refusals: [string, string[], number, string][] = [
      ['grant', ['--client', 'nobody', '--permissions', create], 1, 'no client with this id [Client.clientId = "nobody"]'],
      ['grant', ['--client', 'grantee', '--hub', 'no-such-hub', '--permissions', `EDIT,${create}`], 1, 'no hub with this id or name'],
      ['grant', ['--client', 'grantee', '--repository', 'grants-hub/nope', '--permissions', `EDIT,${create}`], 1, 'no content repository with this id or name'],
      ['grant', ['--client', 'grantee', '--asset-repository', 'nope', '--permissions', 'EDIT'], 1, 'no asset repository with this id'],
      ['grant', ['--client', 'grantee', '--hub', 'grants-hub', '--permissions', `${create},WRITE`], 1, 'not a known ACL or functional permission'],
      ['grant', ['--client', 'grantee', '--hub', 'grants-hub', '--role', 'overlord'], 1, 'role must be one of'],
      ['grant', ['--client', 'grantee', '--permissions', `EDIT,${create}`], 2, 'EDIT is held on a resource'],
      ['grant', ['--client', 'grantee', '--hub', 'grants-hub', '--permissions', create], 2, 'functional permissions are client-wide'],
      ['grant', ['--client', 'grantee', '--repository', contentId, '--role', 'author'], 2, '--role needs --hub or --media-hub'],
      ['grant', ['--client', 'grantee', '--hub', 'grants-hub', '--repository', contentId, '--permissions', 'EDIT'], 2, 'at most one resource option'],
      ['grant', ['--client', 'grantee', '--hub', 'grants-hub', '--role', 'author', '--permissions', create], 2, 'either --role or --permissions'],
      ['grant', ['--hub', 'grants-hub', '--role', 'author'], 2, '--client is required'],
      ['revoke', ['--client', 'grantee', '--hub', 'grants-hub'], 2, '--permissions is required'],
      ['revoke', ['--client', 'nobody', '--permissions', create], 1, 'no client with this id'],
      ['revoke', ['--client', 'grantee', '--hub', 'grants-hub', '--permissions', 'READ,REED'], 1, 'not a known ACL or functional permission'],
    ];
    for (const [command, options, code, message] of refusals) {
      const result = await cli(command, ...options);
      expect(result.code, `${command} ${options.join(' ')}`).toBe(code);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
    }
    // Still READ on the hub, still no CONTENT_ITEM:CREATE.
    expect(await hubsSeenBy(token)).toEqual(['grants-hub']);
    expect((await createItem()).status).toBe(403);
  });
});

describe('usage', () => {
  it('prints help listing every command and option with exit code 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    for (const text of [
      'decibel serve', 'client create', 'pat create', 'hub create', 'repository create', 'media-hub create', 'asset-repository create',
      'decibel grant', 'decibel revoke',
      '--no-repositories', '--no-repository', '--no-modules', '--media-hub', '--expires-in-days', '--locale', '--role', '--permissions',
      '--asset-repository',
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
