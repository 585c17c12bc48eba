import { type ChatStreamPart, type FinishReason, toAppError, type Usage } from '@qiao/core';
import { CompletionChunks } from './completion-chunks';

export interface StreamCompletionInput {
  parts: AsyncIterator<ChatStreamPart>;
  chunks: CompletionChunks;
  includeUsage: boolean;
}

/**
 * The SSE frames of a streaming completion. It always ends: with the finish chunk, the usage
 * chunk when asked for, and [DONE]; or, when the model fails midway, with one
 * `data: {"error":...}` event that OpenAI's SDKs raise as an APIError. The role chunk goes
 * out together with the first content, so the client gets both in one packet.
 */
export async function* streamCompletion({
  parts,
  chunks,
  includeUsage,
}: StreamCompletionInput): AsyncGenerator<string, void, undefined> {
  const argumentsSent = new Map<number, number>();
  let usage: Usage | undefined;
  let finish: FinishReason | undefined;
  let pending: string | undefined = chunks.role();

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

  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) break;
      if (next.value.type === 'error') {
        yield (pending ?? '') + chunks.error(next.value.error);
        return;
      }
      const text = serialize(next.value);
      if (text === undefined) continue;
      if (pending === undefined) yield text;
      else {
        yield pending + text;
        pending = undefined;
      }
    }
  } catch (error) {
    yield (pending ?? '') + chunks.error(toAppError(error).toJSON());
    return;
  } finally {
    // A client that leaves early ends this generator; the upstream call goes with it.
    await parts.return?.();
  }
  const fallback = argumentsSent.size > 0 ? 'tool-calls' : 'stop';
  let tail = chunks.finish(finish ?? fallback);
  if (includeUsage) tail += chunks.usage(usage);
  yield (pending ?? '') + tail + CompletionChunks.done;
}
