import type { LanguageModelV3, LanguageModelV3StreamPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import { AppError, type ChatStreamPart, type FinishReason, type Usage } from '@qiao/core';
import type { CallOptions } from './call-options';
import { costOf } from './cost-of';
import type { ModelInfo } from './gateway';
import { toUpstreamError } from './upstream-error';

export interface AttemptContext {
  info: ModelInfo;
  apiKey?: string;
  signal?: AbortSignal;
  firstTokenTimeoutMs: number;
  /** absolute time (performance.now()) when the whole request must be done */
  deadline: number;
  /** performance.now() when the request arrived: TTFT is what the caller waited */
  requestStarted: number;
  /** yielded once, right before the first content of the answer */
  start: ChatStreamPart;
}

export interface AttemptResult {
  error?: AppError;
  /** true once anything of the answer went out: no retry or fallback after that */
  emitted: boolean;
  usage?: Usage;
  ttftMs?: number;
}

type StopReason = 'first-token' | 'total' | 'cancelled';

/**
 * One call to one model. Timers and the client's abort signal cancel the upstream request
 * (fetch abort + reader cancel, so a provider that ignores the signal still cannot hang us).
 */
export async function* streamAttempt(
  model: LanguageModelV3,
  options: CallOptions,
  ctx: AttemptContext,
): AsyncGenerator<ChatStreamPart, AttemptResult> {
  const controller = new AbortController();
  let stop: StopReason | undefined;
  let reader: ReadableStreamDefaultReader<LanguageModelV3StreamPart> | undefined;
  let rejectOpen: ((reason: unknown) => void) | undefined;
  const abort = (why: StopReason) => {
    if (stop) return;
    stop = why;
    controller.abort();
    rejectOpen?.(new Error(why));
    reader?.cancel().catch(() => {});
  };
  const onClientAbort = () => abort('cancelled');
  if (ctx.signal?.aborted) return { error: cancelledError(), emitted: false };
  ctx.signal?.addEventListener('abort', onClientAbort, { once: true });
  const remaining = () => Math.max(0, ctx.deadline - performance.now());
  const firstTokenBound = ctx.firstTokenTimeoutMs < remaining();
  let timer = setTimeout(
    () => abort(firstTokenBound ? 'first-token' : 'total'),
    firstTokenBound ? ctx.firstTokenTimeoutMs : remaining(),
  );
  const result: AttemptResult = { emitted: false };
  let finished = false;
  let tools: Map<string, { index: number; name: string }> | undefined;
  const firstToken = () => {
    result.emitted = true;
    result.ttftMs = Math.round(performance.now() - ctx.requestStarted);
    clearTimeout(timer);
    timer = setTimeout(() => abort('total'), remaining());
    return ctx.start;
  };
  try {
    const opened = await Promise.race([
      model.doStream({ ...options, abortSignal: controller.signal }),
      new Promise<never>((_, reject) => {
        rejectOpen = reject;
      }),
    ]);
    reader = opened.stream.getReader();
    if (stop) await reader.cancel();
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done || stop) break;
      switch (part.type) {
        case 'text-delta':
        case 'reasoning-delta':
          if (!part.delta) break;
          if (!result.emitted) yield firstToken();
          yield { type: part.type, text: part.delta };
          break;
        case 'tool-input-start': {
          if (!result.emitted) yield firstToken();
          tools ??= new Map();
          tools.set(part.id, { index: tools.size, name: part.toolName });
          break;
        }
        case 'tool-input-delta': {
          const tool = tools?.get(part.id);
          if (tool && part.delta) {
            yield {
              type: 'tool-call-delta',
              index: tool.index,
              id: part.id,
              name: tool.name,
              argumentsDelta: part.delta,
            };
          }
          break;
        }
        case 'tool-call': {
          if (!result.emitted) yield firstToken();
          tools ??= new Map();
          let tool = tools.get(part.toolCallId);
          if (!tool) {
            tool = { index: tools.size, name: part.toolName };
            tools.set(part.toolCallId, tool);
          }
          yield {
            type: 'tool-call',
            index: tool.index,
            id: part.toolCallId,
            name: part.toolName,
            arguments: part.input,
          };
          break;
        }
        case 'finish': {
          if (!result.emitted) yield firstToken();
          result.usage = toUsage(part.usage);
          finished = true;
          yield { type: 'usage', usage: result.usage, costUsd: costOf(ctx.info, result.usage) };
          yield { type: 'finish', reason: part.finishReason.unified as FinishReason };
          break;
        }
        case 'error':
          throw part.error;
      }
    }
    if (stop) throw new Error(stop);
    if (!finished)
      throw new AppError('upstream_error', `Provider '${ctx.info.provider}' ended the stream early`);
  } catch (error) {
    result.error = stop ? stopError(stop, ctx) : toUpstreamError(error, ctx.info.provider, ctx.apiKey);
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onClientAbort);
    // the consumer stopped iterating (or we failed): make sure the upstream call ends too
    if (!finished) abort('cancelled');
  }
  return result;
}

function stopError(stop: StopReason, ctx: AttemptContext): AppError {
  if (stop === 'cancelled') return cancelledError();
  if (stop === 'first-token') {
    return new AppError(
      'upstream_timeout',
      `${ctx.info.id} sent no token within ${ctx.firstTokenTimeoutMs} ms`,
    );
  }
  return new AppError('upstream_timeout', `${ctx.info.id} did not finish within the request timeout`, {
    retryable: false,
  });
}

function cancelledError(): AppError {
  return new AppError('cancelled', 'The request was cancelled');
}

function toUsage(usage: LanguageModelV3Usage): Usage {
  const inputTokens = usage.inputTokens.total ?? 0;
  const outputTokens = usage.outputTokens.total ?? 0;
  const out: Usage = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  if (usage.inputTokens.cacheRead) out.cachedInputTokens = usage.inputTokens.cacheRead;
  if (usage.outputTokens.reasoning) out.reasoningTokens = usage.outputTokens.reasoning;
  return out;
}
