import { AppError } from '@qiao/core';
import { z } from 'zod';
import { fetchJson } from '../tool-fetch';
import { toHits, webPages } from './bing-like-pages';
import type { SearchProvider, SearchSettings } from './search-provider';

const reply = z.object({ webPages });

/** Bing Web Search v7. */
export function bingSearch(settings: SearchSettings): SearchProvider {
  const key = settings.apiKey;
  if (!key) throw new AppError('validation_failed', 'QIAO_SEARCH_API_KEY is required for Bing');
  const base = (settings.url ?? 'https://api.bing.microsoft.com').replace(/\/$/, '');
  return async ({ query, count, signal }) => {
    const params = new URLSearchParams({ q: query, count: String(count), textFormat: 'Raw' });
    const body = await fetchJson(settings.fetch, `${base}/v7.0/search?${params}`, 'Bing', reply, {
      signal,
      headers: { 'ocp-apim-subscription-key': key },
    });
    return toHits(body.webPages);
  };
}
