import type { Readable } from 'node:stream';
import { APIError } from 'openai';
import { request } from 'undici';
import { toHeaders, upstreamAgent } from './upstream-fetch';

export interface UpstreamEndpoint {
  /** the API root, e.g. https://api.deepseek.com/v1 */
  baseUrl: string;
  apiKey: string;
}

export interface EventStreamResponse {
  body: Readable;
  headers: Headers;
}

/**
 * POSTs a streaming request and hands back the socket's Node stream. The `openai` SDK took a
 * quarter of Qiao's time to first token building its request (headers, logging, retries
 * Qiao does not use) and wrapping the response; here only the HTTP call is left. Failures keep
 * the SDK's shape — a status error is its `APIError` — so error mapping stays in one place.
 */
export async function postEventStream(
  endpoint: UpstreamEndpoint,
  path: string,
  body: unknown,
  signal: AbortSignal,
): Promise<EventStreamResponse> {
  const response = await request(`${endpoint.baseUrl.replace(/\/+$/, '')}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${endpoint.apiKey}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify(body),
    signal,
    dispatcher: upstreamAgent,
  });
  const headers = toHeaders(response.headers);
  if (response.statusCode >= 200 && response.statusCode < 300) return { body: response.body, headers };
  const text = await response.body.text().catch((error: unknown) => String(error));
  const json = parseJson(text);
  throw APIError.generate(response.statusCode, json, json === undefined ? text : undefined, headers);
}

function parseJson(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}
