import { AppError } from '@qiao/core';
import { z } from 'zod';
import { fetchJson } from '../tool-fetch';
import type { SearchProvider, SearchSettings } from './search-provider';

const reply = z.object({
  results: z
    .array(
      z.object({
        title: z.string().default(''),
        url: z.string(),
        content: z.string().default(''),
        publishedDate: z.string().nullish(),
      }),
    )
    .default([]),
});

/** A SearXNG instance's JSON API (`format=json` must be enabled in its settings.yml). */
export function searxngSearch(settings: SearchSettings): SearchProvider {
  if (!settings.url) throw new AppError('validation_failed', 'QIAO_SEARCH_URL is required for SearXNG');
  const base = settings.url.replace(/\/$/, '');
  return async ({ query, count, signal }) => {
    const params = new URLSearchParams({ q: query, format: 'json' });
    const body = await fetchJson(settings.fetch, `${base}/search?${params}`, 'SearXNG', reply, { signal });
    return body.results.slice(0, count).map((hit) => ({
      title: hit.title,
      url: hit.url,
      snippet: hit.content,
      ...(hit.publishedDate ? { published: hit.publishedDate } : {}),
    }));
  };
}
