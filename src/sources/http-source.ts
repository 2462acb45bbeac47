/**
 * Downloads createAsset's `src` (000 "Asset ingestion"): http and https only, with the vendor's
 * User-Agent, redirects followed by hand so that every hop is checked, and each connection made only to
 * an address the allow list permits — checked on the address actually connected to (the DNS answer the
 * socket uses), so a name that resolves to a private address, or re-resolves to one, is refused too.
 */
import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent, request, errors as undiciErrors } from 'undici';
import { SourceError, type FileSource, type OpenedFile } from '../domain/ports.js';
import { isAllowedHost, mayConnect, type AllowList } from './allow-list.js';

/** 000: "Ingestion requests … can be identified by the user agent". */
export const INGEST_USER_AGENT = 'amplience-dam-api/1.5.0';
const MAX_REDIRECTS = 5;

export interface HttpSourceOptions {
  allow: AllowList;
  /** The whole download, headers to last byte, in milliseconds. */
  timeoutMs: number;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup, keeping only the addresses the allow list permits for this host. */
function guardedLookup(allow: AllowList) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const usable = isAllowedHost(allow, hostname) ? addresses : addresses.filter((a) => mayConnect(allow, a.address));
      if (usable.length === 0) {
        const refused = Object.assign(new Error(`${hostname} resolves to ${addresses.map((a) => a.address).join(', ')}, a private or reserved address`), { code: 'DECIBEL_ADDRESS_REFUSED' });
        return callback(refused, []);
      }
      if (options.all) callback(null, usable);
      else callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** A URL createAsset may fetch: http(s), and when its host is an address literal, a permitted one. */
function checkedUrl(raw: string, allow: AllowList): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceError(`src is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SourceError(`src must be an http or https URL, not ${url.protocol}`);
  if (url.username || url.password) throw new SourceError('src must not carry credentials');
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // Sockets are not looked up for address literals, so those are judged here.
  if (/^[\d.]+$|:/.test(literal) && !isAllowedHost(allow, literal) && !mayConnect(allow, literal)) {
    throw new SourceError(`${url.host} is a private or reserved address; DECIBEL_INGEST_ALLOW can open it`);
  }
  return url;
}

function describe(error: unknown, url: URL, timeoutMs: number): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  if (code === 'DECIBEL_ADDRESS_REFUSED') return `${(cause ?? (error as Error)).message ?? ''}; DECIBEL_INGEST_ALLOW can open it`;
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || (error as Error).name === 'TimeoutError') {
    return `${url.host} did not send the file within ${timeoutMs / 1000} s`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${url.hostname} cannot be resolved`;
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection`;
  return `${url.host} could not be reached (${code ?? (error as Error).message})`;
}

export function httpFileSource({ allow, timeoutMs }: HttpSourceOptions): FileSource {
  const agent = new Agent({ connect: { lookup: guardedLookup(allow) as never, timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  return {
    async open(src: string, signal?: AbortSignal): Promise<OpenedFile> {
      const deadline = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]);
      let url = checkedUrl(src, allow);
      for (let hop = 0; ; hop += 1) {
        let response: Awaited<ReturnType<typeof request>>;
        try {
          response = await request(url, { dispatcher: agent, method: 'GET', headers: { 'user-agent': INGEST_USER_AGENT, accept: '*/*' }, signal: deadline });
        } catch (error) {
          throw new SourceError(`could not download ${url.href}: ${describe(error, url, timeoutMs)}`);
        }
        const { statusCode, headers, body } = response;
        const location = headers.location;
        if (statusCode >= 300 && statusCode < 400 && typeof location === 'string') {
          await body.dump().catch(() => undefined);
          if (hop === MAX_REDIRECTS) throw new SourceError(`could not download ${src}: more than ${MAX_REDIRECTS} redirects`);
          url = checkedUrl(new URL(location, url).href, allow);
          continue;
        }
        if (statusCode < 200 || statusCode >= 300) {
          await body.dump().catch(() => undefined);
          throw new SourceError(`could not download ${url.href}: the server answered ${statusCode}`);
        }
        body.on('error', () => {}); // reported to whoever reads it; not a crash when nobody does
        const length = Number(headers['content-length']);
        const type = headers['content-type'];
        return {
          body,
          contentType: typeof type === 'string' ? type : undefined,
          size: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
          describeFailure: (error) => `could not download ${url.href}: ${describe(error, url, timeoutMs)}`,
        };
      }
    },
    close: () => agent.close(),
  };
}
