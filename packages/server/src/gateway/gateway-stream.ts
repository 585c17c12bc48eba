import { randomUUID } from 'node:crypto';
import { AppError, type ChatStreamPart, toAppError } from '@qiao/core';
import type { Config } from '../config';
import { toCallOptions } from './call-options';
import type { ChatRequest, ModelInfo } from './gateway';
import type { ModelCatalog } from './model-catalog';
import type { OutboundChat } from './outbound-chat';
import { type RequestLogWriter, requestLogRow } from './request-log-writer';
import { resolveModels } from './resolve-model';
import { type AttemptResult, streamAttempt } from './stream-attempt';

export interface StreamDeps {
  config: Config;
  catalog: ModelCatalog;
  log: RequestLogWriter;
}

/**
 * Retries (same model, only before the first token, backoff with jitter, Retry-After honoured)
 * and fallback (next model of the chain); always ends with `finish` or `error`, and writes one
 * request-log row whatever happens, including a consumer that stops iterating.
 */
export async function* streamChat(
  deps: StreamDeps,
  request: ChatRequest,
  outbound: Pick<OutboundChat, 'forModel'>,
): AsyncGenerator<ChatStreamPart> {
  const started = performance.now();
  const deadline = started + deps.config.requestTimeoutMs;
  const requestId = randomUUID();
  let attempts = 0;
  let current: ModelInfo | undefined;
  let outcome: AttemptResult = { emitted: false };
  let settled = false;
  const writeLog = (result: AttemptResult) =>
    deps.log.add(
      requestLogRow(request, {
        model: current,
        attempts,
        startedAt: started,
        error: result.error,
        usage: result.usage,
        ttftMs: result.ttftMs,
      }),
    );
  try {
    let candidates: ModelInfo[];
    try {
      candidates = await resolveModels(deps.catalog, deps.config, request.model);
    } catch (error) {
      outcome = { error: toAppError(error), emitted: false };
      settled = true;
      yield { type: 'error', error: outcome.error!.toJSON() };
      return;
    }
    chain: for (const info of candidates) {
      current = info;
      const provider = info.local ? undefined : await deps.catalog.provider(info.provider);
      // local models enforce a schema with a grammar, so they always get it
      const options = toCallOptions(
        outbound.forModel(info),
        info.local === true || provider?.config.quirks.structuredOutputs === true,
      );
      const ctx = {
        info,
        apiKey: provider?.config.apiKey,
        signal: request.signal,
        firstTokenTimeoutMs: deps.config.firstTokenTimeoutMs,
        deadline,
        requestStarted: started,
        start: { type: 'start', model: info.id, requestId } as const,
      };
      for (let retry = 0; ; retry++) {
        attempts++;
        try {
          outcome = yield* streamAttempt(await deps.catalog.languageModel(info), options, ctx);
        } catch (error) {
          outcome = { error: toAppError(error, 'upstream_error'), emitted: false };
        }
        const error = outcome.error;
        if (!error) {
          settled = true;
          return;
        }
        if (outcome.emitted || error.code === 'cancelled' || performance.now() >= deadline) break chain;
        if (!error.isRetryable || retry >= deps.config.maxRetries) break;
        if (!(await backoff(retry, error, deadline, request.signal))) {
          if (request.signal?.aborted)
            outcome = { error: new AppError('cancelled', 'The request was cancelled'), emitted: false };
          break chain;
        }
      }
    }
    const error = outcome.error ?? new AppError('upstream_error', 'No model answered');
    settled = true;
    yield { type: 'error', error: error.toJSON() };
  } finally {
    // a consumer that stopped iterating early (return()) lands here unsettled
    writeLog(settled ? outcome : { ...outcome, error: new AppError('cancelled', 'Stopped by the caller') });
  }
}

/** Waits before the next try; false when the wait would pass the deadline or the client left. */
async function backoff(
  retry: number,
  error: AppError,
  deadline: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const exponential = Math.min(4_000, 250 * 2 ** retry) + Math.random() * 100;
  const delay = error.retryAfter !== undefined ? Math.min(error.retryAfter * 1000, 30_000) : exponential;
  if (performance.now() + delay >= deadline || signal?.aborted) return false;
  if (delay <= 0) return true;
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), delay);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
