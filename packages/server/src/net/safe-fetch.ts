import { lookup as dnsLookup } from 'node:dns/promises';
import { AppError, toAppError } from '@qiao/core';
import { Agent, request } from 'undici';
import { ipLiteral, isPublicAddress } from './public-address';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface SafeFetchOptions {
  /** largest body accepted (default 20 MB) */
  maxBytes?: number;
  /** for the whole fetch, redirects included (default 15 s) */
  timeoutMs?: number;
  /** default 5 */
  maxRedirects?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** hosts ("intranet" or "intranet:8080") that may resolve to private addresses */
  allowedHosts?: readonly string[];
  /** replaces DNS; for tests */
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface SafeFetchResult {
  /** the final URL, after redirects */
  url: string;
  status: number;
  contentType: string | null;
  headers: Headers;
  body: Uint8Array;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * GET for URLs that users supply (knowledge-base sources, the read-URL tool). Each hop's host
 * is resolved here, every address checked, and the connection pinned to the checked address,
 * so DNS rebinding between check and connect cannot reach an internal service. Any status
 * other than a redirect is returned as is; the caller decides what a 404 means.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let current = parseUrl(url);
  try {
    for (let hop = 0; ; hop++) {
      const address = await checkedAddress(current, options);
      const response = await fetchPinned(current, address, options, signal);
      const location = response.headers.get('location');
      if (!redirectStatuses.has(response.status) || !location) return response;
      if (hop >= maxRedirects)
        throw new AppError('bad_request', `Too many redirects (more than ${maxRedirects})`);
      current = parseUrl(new URL(location, current).href);
    }
  } catch (error) {
    if (timeout.aborted && !options.signal?.aborted) {
      throw new AppError('upstream_timeout', `Fetching ${current.host} took longer than ${timeoutMs} ms`, {
        cause: error,
      });
    }
    throw AppError.is(error) ? error : toAppError(error, 'upstream_error');
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('bad_request', 'Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('bad_request', `Only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new AppError('bad_request', 'URLs with credentials are not fetched');
  return url;
}

async function checkedAddress(url: URL, options: SafeFetchOptions): Promise<ResolvedAddress> {
  const allowed = options.allowedHosts?.some((host) => host === url.hostname || host === url.host) ?? false;
  const literal = ipLiteral(url.hostname);
  const addresses = literal
    ? [{ address: literal, family: literal.includes(':') ? 6 : 4 }]
    : await resolve(url.hostname, options);
  if (!allowed) {
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked) {
      throw new AppError(
        'forbidden',
        `${url.hostname} resolves to ${blocked.address}, a private or reserved address; fetching it is not allowed`,
      );
    }
  }
  return addresses[0]!;
}

async function resolve(hostname: string, options: SafeFetchOptions): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = options.lookup
      ? await options.lookup(hostname)
      : await dnsLookup(hostname, { all: true, verbatim: true });
  } catch (error) {
    throw new AppError('upstream_error', `Could not resolve ${hostname}`, { cause: error });
  }
  if (addresses.length === 0) throw new AppError('upstream_error', `Could not resolve ${hostname}`);
  return addresses;
}

async function fetchPinned(
  url: URL,
  pinned: ResolvedAddress,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<SafeFetchResult> {
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  const agent = new Agent({
    connect: {
      // the only address this connection may use: the one checked above
      lookup: (_hostname, lookupOptions, callback) => {
        if ((lookupOptions as { all?: boolean }).all) callback(null, [pinned] as never, pinned.family);
        else callback(null, pinned.address, pinned.family);
      },
    },
  });
  try {
    const response = await request(url, {
      method: 'GET',
      headers: { 'user-agent': 'Qiao/0.1 (+knowledge-base fetcher)', ...options.headers },
      signal,
      dispatcher: agent,
    });
    // destroying the body below would otherwise surface as an uncaught AbortError
    response.body.on('error', () => {});
    const headers = toHeaders(response.headers);
    const declared = Number(headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.body.destroy();
      throw tooLarge(url, maxBytes);
    }
    let body = new Uint8Array();
    if (redirectStatuses.has(response.statusCode)) await response.body.dump();
    else body = await readCapped(response.body, maxBytes, url);
    return {
      url: url.href,
      status: response.statusCode,
      contentType: headers.get('content-type'),
      headers,
      body,
    };
  } finally {
    agent.destroy().catch(() => {});
  }
}

async function readCapped(body: AsyncIterable<Uint8Array> & { destroy(): void }, max: number, url: URL) {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of body) {
    size += part.byteLength;
    if (size > max) {
      body.destroy();
      throw tooLarge(url, max);
    }
    parts.push(part);
  }
  return new Uint8Array(Buffer.concat(parts));
}

function tooLarge(url: URL, max: number): AppError {
  return new AppError('payload_too_large', `The response from ${url.host} is larger than ${max} bytes`);
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
