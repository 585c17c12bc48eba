import {
  AppError,
  type ChatMessage,
  type ModerationHit,
  maskHits,
  messageText,
  strongestAction,
} from '@qiao/core';
import type { ChatGuard, GuardContext } from './chat-guard';
import { scanHeldText } from './held-text-stream';
import { callerWrote } from './moderated-input';
import type { ModerationLexicon } from './moderation-lexicon';
import type { RecordSafetyEvent } from './safety-events';

/** Moderation of user input and of the streamed answer against the categorized lexicons. */
export function createModerationGuard(
  lexicon: Pick<ModerationLexicon, 'get'>,
  record: RecordSafetyEvent,
): ChatGuard {
  const report = (hits: ModerationHit[], direction: 'input' | 'output', ctx: GuardContext) => {
    const byCategory = new Map<string, ModerationHit[]>();
    for (const hit of hits)
      byCategory.set(hit.data.category, [...(byCategory.get(hit.data.category) ?? []), hit]);
    for (const [category, group] of byCategory) {
      record(
        {
          kind: 'moderation',
          direction,
          category,
          action: group[0]!.data.action,
          detail: { terms: [...new Set(group.map((h) => h.term))] },
        },
        ctx,
      );
    }
  };

  return {
    name: 'moderation',

    async checkInput(messages, ctx) {
      const { matcher, messageFor } = await lexicon.get();
      if (matcher.size === 0) return messages;
      const moderated = callerWrote(messages, ctx);
      /** the text with mask hits starred; a block hit refuses the request */
      const check = (text: string): ModerationHit[] => {
        const hits = matcher.scan(text);
        if (hits.length === 0) return hits;
        report(hits, 'input', ctx);
        const blocking = hits.find((h) => h.data.action === 'block');
        if (blocking)
          throw new AppError('content_blocked', messageFor(blocking.data.category), {
            details: { category: blocking.data.category },
          });
        return strongestAction(hits) === 'mask' ? hits : [];
      };
      return messages.map((message, index): ChatMessage => {
        if (!moderated(index)) return message;
        let out = message;
        const toolCalls = message.toolCalls?.map((call) => {
          const hits = check(call.arguments);
          return hits.length > 0 ? { ...call, arguments: maskHits(call.arguments, hits) } : call;
        });
        if (toolCalls) out = { ...out, toolCalls };
        const hits = check(messageText(message));
        if (hits.length === 0) return out;
        if (typeof message.content === 'string') return { ...out, content: maskHits(message.content, hits) };
        // Offsets are over the joined text parts: mask each part with its own slice of them.
        let offset = 0;
        const content = message.content.map((part) => {
          if (part.type !== 'text') return part;
          const text = maskHits(part.text, hits, offset);
          offset += part.text.length;
          return { ...part, text };
        });
        return { ...out, content };
      });
    },

    async *transformOutput(stream, ctx) {
      const { matcher, messageFor } = await lexicon.get();
      if (matcher.size === 0) {
        yield* stream;
        return;
      }
      const policy = {
        onHits(hits: ModerationHit[], held: string, base: number) {
          report(hits, 'output', ctx);
          const blocking = hits.find((h) => h.data.action === 'block');
          if (blocking) return { stop: messageFor(blocking.data.category) };
          return strongestAction(hits) === 'mask' ? { rewrite: maskHits(held, hits, base) } : undefined;
        },
      };
      // the answer, the reasoning and tool-call arguments all reach the client: each is held
      // to the lexicon on its own
      yield* scanHeldText(stream, () => matcher.stream(), policy);
    },
  };
}
