import { type ChatStreamPart, PiiVault } from '@qiao/core';
import type { ChatRequest, ModelInfo } from './gateway';
import type { RecordRedaction } from './outbound-pii';
import { redactChatRequest } from './redact-chat-request';
import { restorePlaceholders } from './restore-placeholders';

export interface OutboundChat {
  /** what `info` is sent: the request as it is for a local model, redacted for any other */
  forModel(info: ModelInfo): ChatRequest;
  /** the answer with the placeholders put back */
  restore(stream: AsyncIterable<ChatStreamPart>): AsyncIterable<ChatStreamPart>;
}

/**
 * The PII boundary of one chat call. Redaction is decided per model of a fallback chain, so a
 * chain of a local and a cloud model sends the original only to the local one. The redacted
 * request is built up front (it is cheap next to any model call): a request with nothing to
 * redact then streams back without an extra layer.
 */
export function outboundChat(request: ChatRequest, record: RecordRedaction): OutboundChat {
  const vault = request.piiVault ?? new PiiVault();
  const redacted = redactChatRequest(request, vault);
  let recorded = false;
  return {
    forModel(info) {
      if (info.local) return request;
      if (!recorded) {
        recorded = true;
        record('chat', redacted.hits, { ...request, model: request.model });
      }
      return redacted.request;
    },
    restore(stream) {
      if (request.keepPlaceholders === 'all') return stream;
      if (vault.size === 0 && redacted.toolNames.size === 0) return stream;
      return restorePlaceholders(stream, vault, {
        toolArguments: request.keepPlaceholders !== 'tool-arguments',
        toolNames: redacted.toolNames,
      });
    },
  };
}
