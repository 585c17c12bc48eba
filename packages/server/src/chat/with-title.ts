import type { ChatEvent } from '@qiao/core';
import { and, eq } from 'drizzle-orm';
import { conversations } from '../db/schema';
import type { AppDeps } from '../http/app-env';
import { titleFromMessage } from './conversation-title';
import { generateTitle } from './generate-title';
import type { TurnEvents } from './stream-turn';

export interface TitleTurn {
  conversationId: string;
  userId: string;
  question: string;
}

/**
 * Passes a first exchange's events through and, once the answer is stored, names the
 * conversation and sends a `title` event ahead of the closing `usage` / `done`. A stopped or
 * failed turn gets no title (it keeps the provisional one from the question, if stored).
 */
export async function* withTitle(deps: AppDeps, events: TurnEvents, turn: TitleTurn): TurnEvents {
  let model = '';
  let answer = '';
  let held: ChatEvent[] = [];
  for await (const event of events) {
    if (event.event === 'start') model = event.data.model;
    if (event.event === 'delta') answer += event.data.text;
    if (event.event === 'usage') {
      held.push(event);
      continue;
    }
    if (event.event === 'done' && event.data.finishReason !== 'cancelled' && answer) {
      const title = await generateTitle(deps, {
        model,
        question: turn.question,
        answer,
        userId: turn.userId,
      });
      // Only replace the provisional title: a rename made meanwhile wins.
      const renamed = await deps.database.db
        .update(conversations)
        .set({ title })
        .where(
          and(
            eq(conversations.id, turn.conversationId),
            eq(conversations.title, titleFromMessage(turn.question)),
          ),
        )
        .returning({ id: conversations.id })
        .catch(() => []);
      if (renamed.length > 0) yield { event: 'title', data: { title } };
    }
    yield* held;
    held = [];
    yield event;
  }
  yield* held;
}
