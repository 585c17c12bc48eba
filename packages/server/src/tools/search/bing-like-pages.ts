import { z } from 'zod';
import type { SearchHit } from './search-provider';

/** Bing's `webPages` block, which Bocha copies. */
export const webPages = z
  .object({
    value: z
      .array(
        z.object({
          name: z.string().default(''),
          url: z.string(),
          snippet: z.string().default(''),
          summary: z.string().nullish(),
          datePublished: z.string().nullish(),
        }),
      )
      .default([]),
  })
  .default({ value: [] });

export function toHits(pages: z.infer<typeof webPages>): SearchHit[] {
  return pages.value.map((hit) => ({
    title: hit.name,
    url: hit.url,
    snippet: hit.summary || hit.snippet,
    ...(hit.datePublished ? { published: hit.datePublished } : {}),
  }));
}
