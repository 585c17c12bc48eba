import type { ToolsConfig } from '../../config';
import type { ToolFetch } from '../tool-fetch';
import { bingSearch } from './bing';
import { bochaSearch } from './bocha';
import type { SearchProvider } from './search-provider';
import { searxngSearch } from './searxng';
import { tavilySearch } from './tavily';

const adapters = { searxng: searxngSearch, tavily: tavilySearch, bing: bingSearch, bocha: bochaSearch };

/** The configured search backend, or undefined when none is (web_search is then not offered). */
export function createSearchProvider(config: ToolsConfig, fetch: ToolFetch): SearchProvider | undefined {
  if (!config.search) return undefined;
  const { provider, url, apiKey } = config.search;
  return adapters[provider]({ url, apiKey, fetch });
}
