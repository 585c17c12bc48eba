import type { ToolFetch } from '../tool-fetch';

export interface SearchHit {
  title: string;
  url: string;
  snippet: string;
  published?: string;
}

export interface SearchRequest {
  query: string;
  count: number;
  signal: AbortSignal;
}

export interface SearchSettings {
  /** the endpoint's base URL (required for SearXNG, a vendor default otherwise) */
  url?: string;
  apiKey?: string;
  fetch: ToolFetch;
}

/** One web-search backend; each vendor lives in its own file. */
export type SearchProvider = (request: SearchRequest) => Promise<SearchHit[]>;
