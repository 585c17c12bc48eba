import { AppError } from '@qiao/core';
import { z } from 'zod';
import { toHits, webPages } from './bing-like-pages';
import { postJson } from './post-json';
import type { SearchProvider, SearchSettings } from './search-provider';

const reply = z.object({ data: z.object({ webPages }).default({ webPages: { value: [] } }) });

/** Bocha (博查) web search, a Chinese search API with Bing-shaped results. */
export function bochaSearch(settings: SearchSettings): SearchProvider {
  if (!settings.apiKey) throw new AppError('validation_failed', 'QIAO_SEARCH_API_KEY is required for Bocha');
  const base = (settings.url ?? 'https://api.bochaai.com').replace(/\/$/, '');
  return async ({ query, count, signal }) => {
    const body = await postJson(
      `${base}/v1/web-search`,
      { query, count, summary: true, freshness: 'noLimit' },
      { authorization: `Bearer ${settings.apiKey}` },
      signal,
      'Bocha',
      reply,
    );
    return toHits(body.data.webPages);
  };
}
