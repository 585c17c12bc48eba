import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { messages } from '../db/schema';

/**
 * How long a `streaming` answer may go unwritten before its process counts as dead. A live
 * turn renews its row at least every 10 s (partial-answer.ts), so this leaves room for a
 * busy event loop or a slow database.
 */
export const answerLeaseMs = 60_000;

/** Marks `streaming` answers `interrupted`: all of them, or those not renewed since `before`. */
export async function markInterruptedAnswers(db: Db, before?: Date): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ status: 'interrupted' })
    .where(and(eq(messages.status, 'streaming'), before ? lt(messages.createdAt, before) : undefined))
    .returning({ id: messages.id });
  return rows.length;
}

export interface InterruptedSweep {
  /** answers marked at start-up */
  marked: number;
  close(): void;
}

/**
 * At start-up, answers left `streaming` by a dead process become `interrupted`. A process that
 * owns the data directory (embedded database, lock held) is the only writer, so every such
 * answer is dead. With a shared Postgres other processes may be streaming right now: only
 * answers past their lease are marked, once now and once more a lease later (for a process
 * that died just before this one started).
 */
export async function sweepInterruptedAnswers(
  db: Db,
  options: { soleWriter: boolean },
): Promise<InterruptedSweep> {
  const staleBefore = () => new Date(Date.now() - answerLeaseMs);
  const marked = await markInterruptedAnswers(db, options.soleWriter ? undefined : staleBefore());
  if (options.soleWriter) return { marked, close: () => {} };
  const timer = setTimeout(() => {
    markInterruptedAnswers(db, staleBefore()).catch(() => {});
  }, answerLeaseMs + 1000);
  timer.unref();
  return { marked, close: () => clearTimeout(timer) };
}
