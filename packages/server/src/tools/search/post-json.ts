import { AppError } from '@qiao/core';
import type { z } from 'zod';
import { parseReply } from '../parse-reply';

/**
 * POST for search vendors whose API needs it (Tavily, Bocha). safeFetch only GETs; these
 * URLs come from the admin's configuration, never from a user or a model.
 */
export async function postJson<S extends z.ZodType>(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal,
  service: string,
  schema: S,
): Promise<z.infer<S>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    signal,
    redirect: 'error',
  });
  if (!response.ok) throw new AppError('upstream_error', `${service} answered HTTP ${response.status}`);
  return parseReply(await response.text(), schema, service);
}
