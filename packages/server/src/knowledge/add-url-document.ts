import { AppError } from '@qiao/core';
import type { Config } from '../config';
import { safeFetch } from '../net/safe-fetch';
import type { IncomingDocument } from './add-document';

/** Fetches a user-given URL (SSRF-checked: private and loopback addresses are refused). */
export async function fetchUrlDocument(
  config: Config,
  url: string,
  signal?: AbortSignal,
): Promise<IncomingDocument> {
  const result = await safeFetch(url, {
    maxBytes: config.maxUploadBytes,
    timeoutMs: 30_000,
    allowedHosts: config.tools.trustedHosts,
    signal,
  });
  if (result.status < 200 || result.status >= 300)
    throw new AppError('bad_request', `${url} answered HTTP ${result.status}`);
  const mimeType = result.contentType?.split(';')[0]?.trim() || undefined;
  return { name: nameOf(result.url, mimeType), bytes: result.body, mimeType, sourceUrl: result.url };
}

/** A file name with an extension detectFormat understands (pages are html unless they say otherwise). */
function nameOf(url: string, mimeType: string | undefined): string {
  const parsed = new URL(url);
  const last = decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? '') || parsed.hostname;
  if (/\.[a-z0-9]{2,5}$/i.test(last)) return last;
  if (mimeType?.includes('html') || !mimeType) return `${last}.html`;
  if (mimeType.includes('markdown')) return `${last}.md`;
  if (mimeType.startsWith('text/')) return `${last}.txt`;
  return last;
}
