import { AppError } from '@qiao/core';
import { upstreamFetch } from './openai-compatible/upstream-fetch';
import type { ProviderConfig } from './provider-config';

/**
 * `GET {baseUrl}/models` (OpenAI and Anthropic both answer `{data:[{id}]}`), with a short
 * timeout, on the gateway's one upstream client (it carries no user text).
 */
export async function fetchModelIds(provider: ProviderConfig, timeoutMs = 5_000): Promise<string[]> {
  const headers: Record<string, string> =
    provider.protocol === 'anthropic'
      ? { 'x-api-key': provider.apiKey ?? '', 'anthropic-version': '2023-06-01' }
      : { authorization: `Bearer ${provider.apiKey || 'qiao-no-key'}` };
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await upstreamFetch(`${provider.baseUrl}/models`, { headers, signal });
  } catch (error) {
    const timedOut = signal.aborted;
    throw new AppError(
      timedOut ? 'upstream_timeout' : 'upstream_unavailable',
      timedOut
        ? `${provider.id}: /models did not answer within ${timeoutMs} ms`
        : `${provider.id}: cannot connect to ${provider.baseUrl}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    const rejected = response.status === 401 || response.status === 403;
    throw new AppError(
      'upstream_error',
      rejected
        ? `${provider.id}: the provider rejected the API key (${response.status})`
        : `${provider.id}: /models answered ${response.status}`,
      { retryable: !rejected },
    );
  }
  const body = (await response.json().catch(() => undefined)) as { data?: { id?: unknown }[] } | undefined;
  if (!Array.isArray(body?.data))
    throw new AppError('upstream_error', `${provider.id}: /models answered an unexpected shape`);
  return body.data.map((entry) => entry.id).filter((id): id is string => typeof id === 'string');
}
