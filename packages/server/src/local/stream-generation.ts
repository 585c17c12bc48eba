import type {
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
  SharedV3Warning,
} from '@ai-sdk/provider';
import { toAppError } from '@qiao/core';
import type { ChatHistoryItem, LlamaGrammar } from 'node-llama-cpp';
import { finishReason, samplingOptions } from './generation-options';
import type { LoadedModel } from './loaded-model';
import { cancelled } from './serial-queue';

export interface GenerationRequest {
  modelId: string;
  loaded: LoadedModel;
  history: ChatHistoryItem[];
  grammar: LlamaGrammar | undefined;
  options: LanguageModelV3CallOptions;
  warnings: SharedV3Warning[];
}

/**
 * A ReadableStream of AI SDK parts fed by node-llama-cpp's callbacks. Cancelling the
 * stream or aborting the caller's signal stops generation at the next token; the stream
 * then errors with AppError('cancelled'), as a fetch-based provider's stream would.
 * Failures after the start arrive as an `error` part.
 */
export function streamGeneration(request: GenerationRequest): ReadableStream<LanguageModelV3StreamPart> {
  const stopper = new AbortController();
  const outer = request.options.abortSignal;
  const signal = outer ? AbortSignal.any([outer, stopper.signal]) : stopper.signal;
  let open = true;
  return new ReadableStream<LanguageModelV3StreamPart>({
    start(controller) {
      const emit = (part: LanguageModelV3StreamPart) => {
        if (open) controller.enqueue(part);
      };
      emit({ type: 'stream-start', warnings: request.warnings });
      emit({ type: 'response-metadata', modelId: request.modelId, timestamp: new Date() });
      request.loaded.queue
        .run(() => generate(request, signal, emit), signal)
        .then(
          () => {
            if (!open) return;
            if (signal.aborted) controller.error(cancelled(signal));
            else controller.close();
          },
          (error: unknown) => {
            if (!open) return;
            if (signal.aborted) return controller.error(cancelled(signal));
            emit({ type: 'error', error: toAppError(error) });
            controller.close();
          },
        )
        .finally(() => {
          open = false;
        });
    },
    cancel(reason) {
      open = false;
      stopper.abort(reason);
    },
  });
}

async function generate(
  { loaded, history, grammar, options }: GenerationRequest,
  signal: AbortSignal,
  emit: (part: LanguageModelV3StreamPart) => void,
): Promise<void> {
  const chat = await loaded.chat();
  const promptTokens = chat.chatWrapper
    .generateContextState({ chatHistory: history })
    .contextText.tokenize(chat.model.tokenizer).length;
  const contextSize = chat.context.contextSize;
  const meterBefore = chat.sequence.tokenMeter.getState();
  const textId = 'text-0';
  let textStarted = false;
  const result = await chat.generateResponse(history, {
    ...samplingOptions(options),
    grammar,
    signal,
    stopOnAbortSignal: true,
    // Without a limit a model that never emits EOS would shift its context forever.
    maxTokens: options.maxOutputTokens ?? Math.max(256, contextSize - promptTokens),
    onTextChunk: (delta) => {
      if (!textStarted) emit({ type: 'text-start', id: textId });
      textStarted = true;
      emit({ type: 'text-delta', id: textId, delta });
    },
  });
  if (signal.aborted) return;
  if (textStarted) emit({ type: 'text-end', id: textId });
  // The meter counts sampled tokens (onToken holds some back) and the prompt tokens actually
  // evaluated: a prefix still in the KV cache from the previous turn is a cache read.
  const metered = chat.sequence.tokenMeter.diff(meterBefore);
  const outputTokens = metered.usedOutputTokens;
  const noCache = Math.min(promptTokens, metered.usedInputTokens);
  emit({
    type: 'finish',
    finishReason: finishReason(result.metadata),
    usage: {
      inputTokens: { total: promptTokens, noCache, cacheRead: promptTokens - noCache, cacheWrite: undefined },
      outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
    },
  });
}
