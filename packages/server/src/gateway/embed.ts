import { AppError, toAppError } from '@qiao/core';
import type { Config } from '../config';
import type { EmbedRequest, EmbedResult, ModelInfo } from './gateway';
import type { ModelCatalog } from './model-catalog';
import { type RecordRedaction, redactTexts } from './outbound-pii';
import { type RequestLogWriter, requestLogRow } from './request-log-writer';
import { resolveModels } from './resolve-model';
import { toUpstreamError } from './upstream-error';

/**
 * Embeddings in batches the model accepts; the next model of a chain on failure. A cloud model
 * embeds the texts with personal data replaced by placeholders (so that is what an index
 * stores); a local one embeds them as they are.
 */
export async function embedTexts(
  deps: { config: Config; catalog: ModelCatalog; log: RequestLogWriter; recordRedaction: RecordRedaction },
  request: EmbedRequest,
): Promise<EmbedResult> {
  const started = performance.now();
  const candidates = await resolveModels(deps.catalog, deps.config, request.model);
  let lastError: AppError = new AppError('upstream_error', 'No model answered');
  let attempts = 0;
  let current: ModelInfo | undefined;
  let redacted: string[] | undefined;
  const outbound = (info: ModelInfo) => {
    if (info.local) return request.input;
    if (!redacted) {
      const result = redactTexts(request.input);
      redacted = result.texts;
      deps.recordRedaction('embeddings', result.hits, request);
    }
    return redacted;
  };
  const log = (inputTokens: number, error?: AppError) =>
    deps.log.add(
      requestLogRow(request, {
        model: current,
        attempts,
        startedAt: started,
        error,
        usage: { inputTokens, outputTokens: 0 },
      }),
    );
  for (const info of candidates) {
    current = info;
    for (let retry = 0; retry <= deps.config.maxRetries; retry++) {
      attempts++;
      try {
        const result = await embedWith(deps, info, { ...request, input: outbound(info) });
        log(result.usage.inputTokens);
        return result;
      } catch (error) {
        lastError = error instanceof AppError ? error : toAppError(error, 'upstream_error');
        if (lastError.code === 'cancelled') {
          log(0, lastError);
          throw lastError;
        }
        if (!lastError.isRetryable) break;
        const wait = lastError.retryAfter !== undefined ? lastError.retryAfter * 1000 : 250 * 2 ** retry;
        await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5_000)));
      }
    }
  }
  log(0, lastError);
  throw lastError;
}

async function embedWith(
  deps: { config: Config; catalog: ModelCatalog },
  info: ModelInfo,
  request: EmbedRequest,
): Promise<EmbedResult> {
  const model = await deps.catalog.embeddingModel(info);
  const provider = info.local ? undefined : await deps.catalog.provider(info.provider);
  const max = (await model.maxEmbeddingsPerCall) ?? 2048;
  const timeout = AbortSignal.timeout(deps.config.requestTimeoutMs);
  const abortSignal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const providerOptions = request.dimensions
    ? { [info.provider]: { dimensions: request.dimensions } }
    : undefined;
  const embeddings: number[][] = [];
  let inputTokens = 0;
  for (let i = 0; i < request.input.length; i += max) {
    try {
      const result = await model.doEmbed({
        values: request.input.slice(i, i + max),
        abortSignal,
        providerOptions,
      });
      embeddings.push(...result.embeddings);
      inputTokens += result.usage?.tokens ?? 0;
    } catch (error) {
      if (request.signal?.aborted)
        throw new AppError('cancelled', 'The request was cancelled', { cause: error });
      if (timeout.aborted)
        throw new AppError('upstream_timeout', `${info.id} did not answer in time`, { cause: error });
      throw toUpstreamError(error, info.provider, provider?.config.apiKey);
    }
  }
  return { model: info.id, embeddings, usage: { inputTokens } };
}
