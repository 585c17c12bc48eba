import { type ChatStreamPart, type FinishReason, toAppError, type Usage } from '@qiao/core';
import { CompletionChunks } from './completion-chunks';

export interface StreamCompletionInput {
  parts: AsyncIterator<ChatStreamPart>;
  chunks: CompletionChunks;
  includeUsage: boolean;
  /** called when the client goes away, to cancel the upstream call */
  onCancel: () => void;
}

const encoder = new TextEncoder();

/**
 * The SSE body of a streaming completion. It always ends: with the finish chunk, the usage
 * chunk when asked for, and [DONE]; or, when the model fails midway, with one
 * `data: {"error":...}` event that OpenAI's SDKs raise as an APIError.
 */
export function streamCompletion({
  parts,
  chunks,
  includeUsage,
  onCancel,
}: StreamCompletionInput): ReadableStream<Uint8Array> {
  const argumentsSent = new Map<number, number>();
  let usage: Usage | undefined;
  let finish: FinishReason | undefined;

  const serialize = (part: ChatStreamPart): string | undefined => {
    switch (part.type) {
      case 'text-delta':
        return part.text === '' ? undefined : chunks.text(part.text);
      case 'reasoning-delta':
        return chunks.reasoning(part.text);
      case 'tool-call-delta': {
        const sent = argumentsSent.get(part.index);
        argumentsSent.set(part.index, (sent ?? 0) + part.argumentsDelta.length);
        if (sent === undefined)
          return chunks.toolCallStart(part.index, part.id, part.name, part.argumentsDelta);
        return part.argumentsDelta === ''
          ? undefined
          : chunks.toolCallArguments(part.index, part.argumentsDelta);
      }
      case 'tool-call': {
        // Providers that streamed the arguments already sent most of them; send only what is missing.
        const sent = argumentsSent.get(part.index);
        argumentsSent.set(part.index, part.arguments.length);
        if (sent === undefined) return chunks.toolCallStart(part.index, part.id, part.name, part.arguments);
        const rest = part.arguments.slice(sent);
        return rest === '' ? undefined : chunks.toolCallArguments(part.index, rest);
      }
      case 'usage':
        usage = part.usage;
        return undefined;
      case 'finish':
        finish = part.reason;
        return undefined;
      default:
        return undefined;
    }
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(chunks.role()));
    },
    async pull(controller) {
      try {
        for (;;) {
          const next = await parts.next();
          if (next.done) break;
          if (next.value.type === 'error') {
            controller.enqueue(encoder.encode(chunks.error(next.value.error)));
            controller.close();
            return;
          }
          const text = serialize(next.value);
          if (text !== undefined) {
            controller.enqueue(encoder.encode(text));
            return;
          }
        }
      } catch (error) {
        controller.enqueue(encoder.encode(chunks.error(toAppError(error).toJSON())));
        controller.close();
        return;
      }
      const fallback = argumentsSent.size > 0 ? 'tool-calls' : 'stop';
      let tail = chunks.finish(finish ?? fallback);
      if (includeUsage) tail += chunks.usage(usage);
      controller.enqueue(encoder.encode(tail + CompletionChunks.done));
      controller.close();
    },
    cancel() {
      onCancel();
      parts.return?.()?.catch(() => {});
    },
  });
}
