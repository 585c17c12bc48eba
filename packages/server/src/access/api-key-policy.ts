import type { ApiKeyScope } from '@qiao/core';

/** The limits an API key carries; every field null = no limit of that kind. */
export interface ApiKeyPolicy {
  scopes: ApiKeyScope[] | null;
  expiresAt: Date | null;
  dailyRequests: number | null;
  dailyTokens: number | null;
  models: string[] | null;
  ips: string[] | null;
  /** requests per minute; null = the server default */
  rateLimit: number | null;
}
