import type { Db } from '../db';
import { safetyEvents } from '../db/schema';
import type { GuardContext } from './chat-guard';

export type SafetyEvent = Omit<
  typeof safetyEvents.$inferInsert,
  'id' | 'createdAt' | 'userId' | 'apiKeyId' | 'source' | 'model'
>;

export type RecordSafetyEvent = (event: SafetyEvent, ctx: GuardContext) => void;

/**
 * Writes events off the hot path: a chat never waits on, or fails because of, the event log.
 * Callers pass facts only (categories, terms of the lexicon, PII types and counts), never
 * the personal data itself.
 */
export function safetyEventRecorder(db: Db): RecordSafetyEvent {
  return (event, ctx) => {
    db.insert(safetyEvents)
      .values({ ...event, userId: ctx.userId, apiKeyId: ctx.apiKeyId, source: ctx.source, model: ctx.model })
      .catch((error: unknown) => console.error(`safety event not recorded: ${(error as Error).message}`));
  };
}
