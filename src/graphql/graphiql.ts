/**
 * GraphiQL on GET /graphql for a browser (its Accept prefers text/html), from the packages' own builds in
 * node_modules, so it works offline (mercurius's IDE loads the same GraphiQL from a CDN). The page and its
 * files need no token — a browser cannot send one — and spend no rate limit; the queries the page sends
 * carry the Authorization header typed in its headers editor or given as `#token=…` (docs/graphql.md).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/** The UMD builds the page loads, in order: GraphiQL 3 on React 18, as mercurius 16's own IDE. */
const FILES = [
  { name: 'graphiql', ext: 'css', from: 'graphiql', file: 'graphiql.min.css' },
  { name: 'react', ext: 'js', from: 'react', file: 'umd/react.production.min.js' },
  { name: 'react-dom', ext: 'js', from: 'react-dom', file: 'umd/react-dom.production.min.js' },
  { name: 'graphiql', ext: 'js', from: 'graphiql', file: 'graphiql.min.js' },
] as const;

const CONTENT_TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

interface Asset {
  /** `<name>-<version>.<ext>`: a new version is a new URL, so a browser may keep each for good. */
  key: string;
  ext: keyof typeof CONTENT_TYPES;
  file: string;
}

export interface Graphiql {
  /** A browser opening the endpoint (GET or HEAD, Accept prefers text/html, no `query`): it gets the page. */
  wantsPage(request: FastifyRequest): boolean;
  sendPage(reply: FastifyReply): FastifyReply;
  /** A request for one of the page's files, which its own route answers. */
  isFile(request: FastifyRequest): boolean;
}

/** Registers the files' route under `<endpoint>/graphiql/` and builds the page served at `endpoint`. */
export function serveGraphiql(app: FastifyInstance, { endpoint, publicUrl }: { endpoint: string; publicUrl: string | undefined }): Graphiql {
  const filesRoute = `${endpoint}/graphiql/:file`;
  const assets = findAssets(app.log);
  const byKey = new Map(assets?.map((asset) => [asset.key, asset]));
  // The files' URLs keep the public URL's path, for a server behind a reverse proxy under a prefix.
  const base = `${publicUrl ? new URL(publicUrl).pathname.replace(/\/$/, '') : ''}${endpoint}/graphiql/`;
  const page = assets ? graphiqlPage(assets.map((asset) => ({ href: base + asset.key, ext: asset.ext }))) : undefined;

  app.get<{ Params: { file: string } }>(filesRoute, (request, reply) => {
    const asset = byKey.get(request.params.file);
    if (!asset) return reply.callNotFound();
    return reply.type(CONTENT_TYPES[asset.ext]).header('cache-control', 'public, max-age=31536000, immutable').send(fs.createReadStream(asset.file));
  });

  return {
    wantsPage: (request) => request.routeOptions.url === endpoint && wantsHtml(request),
    sendPage: (reply) => {
      // The same URL answers JSON to API clients: caches must tell them apart.
      reply.header('vary', 'Accept').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
      if (!page) return reply.code(503).type('text/html; charset=utf-8').send(NOT_INSTALLED);
      return reply.type('text/html; charset=utf-8').header('content-security-policy', POLICY).send(page);
    },
    isFile: (request) => request.routeOptions.url === filesRoute,
  };
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept;
  // API clients ask for JSON or anything (*/*); a browser puts text/html first.
  if (!accept?.includes('text/html') || (request.query as { query?: unknown }).query !== undefined) return false;
  return new Negotiator({ headers: { accept } }).mediaType(['application/json', 'text/html']) === 'text/html';
}

/** The files in node_modules, or undefined (and a warning) when a package is missing or lacks its UMD build. */
function findAssets(log: FastifyBaseLogger): Asset[] | undefined {
  const require = createRequire(import.meta.url);
  try {
    return FILES.map(({ name, ext, from, file }) => {
      const manifest = require.resolve(`${from}/package.json`);
      const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
      const location = path.join(path.dirname(manifest), file);
      if (!fs.existsSync(location)) throw new Error(`${from}@${version} has no ${file}`);
      return { key: `${name}-${version}.${ext}`, ext, file: location };
    });
  } catch (error) {
    log.warn({ err: error }, 'GraphiQL is not served: its packages (graphiql, react, react-dom) are not installed as package.json says');
    return undefined;
  }
}

const DEFAULT_QUERY = `# Decibel's GraphQL Asset Management API.
#
# Requests need a bearer token. Put it in the Headers
# tab below as { "Authorization": "Bearer <token>" },
# then re-fetch the schema (circling arrows, left).
#
# POST /oauth/token gives one for 5 minutes
# (client_credentials with a client id and secret);
# \`decibel pat create\` makes one that does not expire.
# Or open this page as /graphql#token=<token>.
# More in docs/graphql.md.

{
  viewer {
    mediaHubs {
      edges { node { id name label } }
    }
  }
}
`;

/**
 * The page sends its queries to its own URL (so a proxy's path prefix is kept). Its headers editor holds
 * what the user last typed there (GraphiQL keeps it in local storage), else `Authorization: Bearer `; a
 * token given as `#token=…` fills it for this visit, and leaves the address bar (and the history).
 */
const START = `
const token = new URLSearchParams(location.hash.slice(1)).get('token');
if (token) history.replaceState(null, '', location.pathname + location.search);
const bearer = (value) => JSON.stringify({ Authorization: 'Bearer ' + value }, null, 2);
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: location.origin + location.pathname }),
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    defaultHeaders: bearer(''),
    headers: token ? bearer(token) : undefined,
    shouldPersistHeaders: true,
    defaultEditorToolsVisibility: 'headers',
  }),
);
`;

/** Only this server's files and the one script above run, and queries go to this server alone. */
const POLICY = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(START).digest('base64')}'`,
  // GraphiQL and CodeMirror style their elements inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

function graphiqlPage(files: { href: string; ext: keyof typeof CONTENT_TYPES }[]): string {
  const tag = ({ href, ext }: (typeof files)[number]) => (ext === 'css' ? `<link rel="stylesheet" href="${href}">` : `<script src="${href}"></script>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Decibel GraphiQL</title>
<link rel="icon" href="data:,">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
${files.filter((f) => f.ext === 'css').map(tag).join('\n')}
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
${files.filter((f) => f.ext === 'js').map(tag).join('\n')}
<script>${START}</script>
</body>
</html>
`;
}

const NOT_INSTALLED = `<!doctype html>
<title>GraphiQL is not installed</title>
<p>This server cannot find GraphiQL's files: run <code>npm install</code> where Decibel is installed.
The API itself works: POST your queries to this URL with <code>Authorization: Bearer &lt;token&gt;</code>.</p>
`;
