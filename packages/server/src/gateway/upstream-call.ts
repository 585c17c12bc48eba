import { AppError } from '@qiao/core';
import { upstreamFetch } from '../providers/openai-compatible/upstream-fetch';

/**
 * A provider call outside the SDKs (rerank, audio, moderation, model lists) on the gateway's
 * one upstream client, with a deadline; a failure to connect or a timeout is an AppError
 * naming `what`, and a non-2xx answer is left to the caller.
 */
export async function upstreamCall(
  url: string,
  init: RequestInit & { timeoutMs: number; what: string },
): Promise<Response> {
  const { timeoutMs, what, signal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await upstreamFetch(url, {
      ...rest,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw new AppError('cancelled', 'The request was cancelled', { cause: error });
    if (timeout.aborted)
      throw new AppError('upstream_timeout', `${what} did not answer within ${timeoutMs} ms`, {
        cause: error,
      });
    throw new AppError('upstream_unavailable', `${what} could not be reached`, { cause: error });
  }
}

/** `Authorization: Bearer` when there is a key. */
export function bearer(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}
