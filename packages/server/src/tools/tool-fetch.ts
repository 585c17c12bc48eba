import { AppError } from '@qiao/core';
import type { z } from 'zod';
import { type SafeFetchOptions, type SafeFetchResult, safeFetch } from '../net/safe-fetch';
import { parseReply } from './parse-reply';

export type ToolFetchOptions = Pick<SafeFetchOptions, 'signal' | 'headers' | 'maxBytes'>;

/** Every URL a tool fetches goes through this: SSRF-checked, trusted hosts from config. */
export type ToolFetch = (url: string, options?: ToolFetchOptions) => Promise<SafeFetchResult>;

export function createToolFetch(
  trustedHosts: readonly string[],
  lookup?: SafeFetchOptions['lookup'],
): ToolFetch {
  return (url, options = {}) =>
    safeFetch(url, { maxBytes: 5 * 1024 * 1024, ...options, allowedHosts: trustedHosts, lookup });
}

/** GETs JSON; a non-2xx answer becomes an upstream error that names the service. */
export async function fetchJson<S extends z.ZodType>(
  fetch: ToolFetch,
  url: string,
  service: string,
  schema: S,
  options: ToolFetchOptions = {},
): Promise<z.infer<S>> {
  const response = await fetch(url, {
    ...options,
    headers: { accept: 'application/json', ...options.headers },
  });
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('upstream_error', `${service} answered HTTP ${response.status}`);
  }
  return parseReply(Buffer.from(response.body).toString('utf8'), schema, service);
}
