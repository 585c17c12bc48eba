import { AppError } from '@qiao/core';
import { z } from 'zod';
import { postJson } from './post-json';
import type { SearchProvider, SearchSettings } from './search-provider';

const reply = z.object({
  results: z
    .array(
      z.object({
        title: z.string().default(''),
        url: z.string(),
        content: z.string().default(''),
        published_date: z.string().nullish(),
      }),
    )
    .default([]),
});

export function tavilySearch(settings: SearchSettings): SearchProvider {
  if (!settings.apiKey) throw new AppError('validation_failed', 'QIAO_SEARCH_API_KEY is required for Tavily');
  const base = (settings.url ?? 'https://api.tavily.com').replace(/\/$/, '');
  return async ({ query, count, signal }) => {
    const body = await postJson(
      `${base}/search`,
      { query, max_results: count, search_depth: 'basic' },
      { authorization: `Bearer ${settings.apiKey}` },
      signal,
      'Tavily',
      reply,
    );
    return body.results.map((hit) => ({
      title: hit.title,
      url: hit.url,
      snippet: hit.content,
      ...(hit.published_date ? { published: hit.published_date } : {}),
    }));
  };
}
