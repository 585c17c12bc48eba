import { z } from 'zod';
import type { SearchProvider } from '../search/search-provider';
import { defineTool } from '../tool';

export function webSearchTool(search: SearchProvider) {
  return defineTool({
    name: 'web_search',
    description:
      'Searches the web for recent or factual information: news, events, prices, people, anything that may have changed after your training. Returns titles, URLs and snippets; cite the URLs.',
    schema: z.object({
      query: z.string().min(1).describe('search terms, in the language of the wanted results'),
      count: z.number().int().min(1).max(10).optional().describe('number of results, default 5'),
    }),
    async execute({ query, count = 5 }, { signal }) {
      const hits = (await search({ query, count, signal })).filter((hit) => hit.url).slice(0, count);
      if (hits.length === 0) return { text: `No results for "${query}".`, data: { query, hits } };
      const text = hits
        .map(
          (hit, i) =>
            `[${i + 1}] ${hit.title}\n${hit.url}${hit.published ? `\npublished: ${hit.published}` : ''}\n${hit.snippet}`,
        )
        .join('\n\n');
      return {
        text: `Results for "${query}":\n\n${text}`,
        data: { query, hits },
        sources: hits.map((hit) => ({ url: hit.url, title: hit.title })),
      };
    },
  });
}
