import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SearchFixture, startSearchFixture } from '../../../test/fixtures/search-fixture-server';
import { createSearchProvider } from '../search/create-search-provider';
import { createToolFetch } from '../tool-fetch';
import { webSearchTool } from './web-search';

let fixture: SearchFixture;
beforeAll(async () => {
  fixture = await startSearchFixture({ apiKey: 'search-key' });
});
afterAll(() => fixture?.close());

const signal = new AbortController().signal;

const toolFor = (provider: 'searxng' | 'tavily' | 'bing' | 'bocha') => {
  const search = createSearchProvider(
    { search: { provider, url: fixture.url, apiKey: 'search-key' } } as never,
    createToolFetch([fixture.host]),
  );
  return webSearchTool(search!);
};

test.each(['searxng', 'tavily', 'bing', 'bocha'] as const)(
  '%s results come back numbered with their URLs',
  async (provider) => {
    const result = await toolFor(provider).execute({ query: '杭州 亚运', count: 2 }, { signal });
    expect(result.text).toContain('[1] 杭州 亚运 新闻 1\nhttps://news.example.com/1');
    expect(result.text).not.toContain('[3]');
    expect(result.sources).toEqual([
      { url: 'https://news.example.com/1', title: '杭州 亚运 新闻 1' },
      { url: 'https://news.example.com/2', title: '杭州 亚运 新闻 2' },
    ]);
    expect(fixture.requests.at(-1)!.query).toBe('杭州 亚运');
  },
);

test('no provider configured means no search', () => {
  expect(createSearchProvider({} as never, createToolFetch([]))).toBeUndefined();
});

test('a rejected key is a readable upstream error', async () => {
  const search = createSearchProvider(
    { search: { provider: 'tavily', url: fixture.url, apiKey: 'wrong' } } as never,
    createToolFetch([fixture.host]),
  );
  await expect(webSearchTool(search!).execute({ query: 'x' }, { signal })).rejects.toThrow(
    'Tavily answered HTTP 401',
  );
});
