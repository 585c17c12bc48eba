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
      return messages.map((message): ChatMessage => {
        if (message.role !== 'user') return message;
        const hits = matcher.scan(messageText(message));
        if (hits.length === 0) return message;
        report(hits, 'input', ctx);
        const action = strongestAction(hits);
        if (action === 'block') {
          const blocking = hits.find((h) => h.data.action === 'block')!;
          throw new AppError('content_blocked', messageFor(blocking.data.category), {
            details: { category: blocking.data.category },
          });
        }
        if (action !== 'mask') return message;
        if (typeof message.content === 'string')
          return { ...message, content: maskHits(message.content, hits) };
        // Offsets are over the joined text parts: mask each part with its own slice of them.
        let offset = 0;
        const content = message.content.map((part) => {
          if (part.type !== 'text') return part;
          const text = maskHits(part.text, hits, offset);
          offset += part.text.length;
          return { ...part, text };
        });
        return { ...message, content };
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
