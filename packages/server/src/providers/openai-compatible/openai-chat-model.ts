import type { LanguageModelV3, LanguageModelV3Content, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type OpenAI from 'openai';
import type { ProviderQuirks } from '../provider-presets';
import { toStreamParts } from './openai-stream-parts';
import { postEventStream, type UpstreamEndpoint } from './post-event-stream';
import { sseChunks } from './sse-chunks';
import { toOpenAIRequest } from './to-openai-request';

type Chunk = OpenAI.Chat.Completions.ChatCompletionChunk;

/**
 * An OpenAI-compatible chat model: the request typed by the official `openai` SDK's params,
 * sent by undici, its event stream parsed by eventsource-parser. It replaces
 * @ai-sdk/openai-compatible on the hot path: that client validates every chunk with zod,
 * which cost ~2.3 ms of CPU per 64-token stream here (bench/README in the closing note).
 */
export function openaiChatModel(
  endpoint: UpstreamEndpoint,
  providerId: string,
  modelId: string,
  quirks: ProviderQuirks,
): LanguageModelV3 {
  const doStream: LanguageModelV3['doStream'] = async (options) => {
    // one controller for both ways a stream ends early: the caller's signal and cancel()
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (options.abortSignal?.aborted) abort();
    options.abortSignal?.addEventListener('abort', abort, { once: true });
    const response = await postEventStream(
      endpoint,
      '/chat/completions',
      toOpenAIRequest(modelId, options, quirks),
      controller.signal,
    );
    const chunks = sseChunks<Chunk>(response.body, response.headers, controller.signal);
    const parts = toStreamParts(chunks, quirks);
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      async pull(controller) {
        try {
          const next = await parts.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          controller.enqueue({ type: 'error', error });
          controller.close();
        }
      },
      async cancel() {
        abort();
        await parts.return(undefined);
      },
    });
    return { stream };
  };

  return {
    specificationVersion: 'v3',
    provider: providerId,
    modelId,
    supportedUrls: {},
    doStream,
    async doGenerate(options) {
      const { stream } = await doStream(options);
      const content: LanguageModelV3Content[] = [];
      let text = '';
      let reasoning = '';
      let finish: Extract<LanguageModelV3StreamPart, { type: 'finish' }> | undefined;
      for await (const part of stream) {
        if (part.type === 'text-delta') text += part.delta;
        else if (part.type === 'reasoning-delta') reasoning += part.delta;
        else if (part.type === 'tool-call') content.push(part);
        else if (part.type === 'finish') finish = part;
        else if (part.type === 'error') throw part.error;
      }
      if (reasoning) content.unshift({ type: 'reasoning', text: reasoning });
      if (text) content.unshift({ type: 'text', text });
      if (!finish) throw new Error('stream ended without finish');
      return { content, finishReason: finish.finishReason, usage: finish.usage, warnings: [] };
    },
  };
}
