import { type ChatStreamPart, PiiVault } from '@qiao/core';
import type { ChatRequest, ModelInfo } from './gateway';
import type { RecordRedaction } from './outbound-pii';
import { type RedactedChat, redactChatRequest } from './redact-chat-request';
import { restorePlaceholders } from './restore-placeholders';

export interface OutboundChat {
  /** what `info` is sent: the request as it is for a local model, redacted for any other */
  forModel(info: ModelInfo): ChatRequest;
  /** the answer with the placeholders put back */
  restore(stream: AsyncIterable<ChatStreamPart>): AsyncIterable<ChatStreamPart>;
}

/**
 * The PII boundary of one chat call. Redaction is decided per model of a fallback chain, so a
 * chain of a local and a cloud model sends the original only to the local one; it is done once,
 * when the first cloud model is tried.
 */
export function outboundChat(request: ChatRequest, record: RecordRedaction): OutboundChat {
  const vault = request.piiVault ?? new PiiVault();
  let redacted: RedactedChat | undefined;
  return {
    forModel(info) {
      if (info.local) return request;
      if (!redacted) {
        redacted = redactChatRequest(request, vault);
        record('chat', redacted.hits, { ...request, model: request.model });
      }
      return redacted.request;
    },
    restore(stream) {
      if (request.keepPlaceholders === 'all') return stream;
      const toolArguments = request.keepPlaceholders !== 'tool-arguments';
      return restoreWhenNeeded(stream, vault, () => redacted?.toolNames, toolArguments);
    },
  };
}

/** Decided at the first part, when the request has gone out: an answer to nothing redacted passes as it is. */
async function* restoreWhenNeeded(
  stream: AsyncIterable<ChatStreamPart>,
  vault: PiiVault,
  toolNames: () => ReadonlyMap<string, string> | undefined,
  toolArguments: boolean,
): AsyncIterable<ChatStreamPart> {
  const iterator = stream[Symbol.asyncIterator]();
  const rest: AsyncIterable<ChatStreamPart> = { [Symbol.asyncIterator]: () => iterator };
  try {
    const first = await iterator.next();
    if (first.done) return;
    const names = toolNames() ?? new Map<string, string>();
    if (vault.size === 0 && names.size === 0) {
      yield first.value;
      yield* rest;
      return;
    }
    yield* restorePlaceholders(prepend(first.value, rest), vault, { toolArguments, toolNames: names });
  } finally {
    // a consumer that stops early still ends the call (its request-log row, the upstream socket)
    await iterator.return?.();
  }
}

async function* prepend<T>(head: T, rest: AsyncIterable<T>): AsyncIterable<T> {
  yield head;
  yield* rest;
}
