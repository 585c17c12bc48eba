import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { messages } from '../db/schema';

export interface PartialAnswerRow {
  id: string;
  conversationId: string;
  parentId: string;
  /** not before this time, so the answer sorts after its question */
  notBefore: number;
}

export interface PartialSnapshot {
  content: string;
  reasoning: string;
  model: string;
}

export interface PartialAnswerOptions {
  /** write what changed at most this often (default 1 s) */
  intervalMs?: number;
  /** write sooner once this many characters are new (default 2,000) */
  maxChars?: number;
  /** write even when nothing changed, as a sign of life (default 10 s; see interrupted-answers.ts) */
  heartbeatMs?: number;
}

/**
 * The answer being streamed, kept in the database as `streaming` so that a crash leaves what
 * was said (the next start marks it `interrupted`). Writes never sit on the streaming path:
 * `touch` only counts, a timer writes a snapshot at most every interval (sooner after many
 * characters), one write at a time, and a failed write is simply retried by the next one.
 * Each write also renews `created_at`, the answer's heartbeat; the final save sets it again.
 */
export class PartialAnswer {
  readonly #db: Db;
  readonly #row: PartialAnswerRow;
  readonly #snapshot: () => PartialSnapshot;
  readonly #options: Required<PartialAnswerOptions>;
  readonly #timer: NodeJS.Timeout;
  #newChars = 0;
  #dirty = false;
  #lastWrite = 0;
  #writing: Promise<void> | undefined;
  #closed = false;

  constructor(
    db: Db,
    row: PartialAnswerRow,
    snapshot: () => PartialSnapshot,
    options: PartialAnswerOptions = {},
  ) {
    this.#db = db;
    this.#row = row;
    this.#snapshot = snapshot;
    this.#options = { intervalMs: 1000, maxChars: 2000, heartbeatMs: 10_000, ...options };
    this.#timer = setInterval(() => this.#tick(), this.#options.intervalMs);
    this.#timer.unref();
  }

  /** `chars` more of the answer arrived (text or reasoning) */
  touch(chars: number): void {
    this.#dirty = true;
    this.#newChars += chars;
    // the first words are kept at once: a crash right after them still leaves an answer
    if (this.#lastWrite === 0 || this.#newChars >= this.#options.maxChars) this.#write();
  }

  /** Stops writing and waits for a write in flight, so the final save comes last. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#writing;
  }

  #tick(): void {
    const due = Date.now() - this.#lastWrite >= this.#options.heartbeatMs;
    if (this.#dirty || (this.#lastWrite > 0 && due)) this.#write();
  }

  #write(): void {
    if (this.#writing || this.#closed) return;
    this.#dirty = false;
    this.#newChars = 0;
    this.#lastWrite = Date.now();
    this.#writing = writePartialAnswer(this.#db, this.#row, this.#snapshot())
      .catch(() => {
        this.#dirty = true;
      })
      .finally(() => {
        this.#writing = undefined;
      });
  }
}

/** Inserts or updates the `streaming` row; an answer already stored for good is left alone. */
export async function writePartialAnswer(
  db: Db,
  row: PartialAnswerRow,
  snapshot: PartialSnapshot,
): Promise<void> {
  const values = {
    content: snapshot.content,
    plainText: snapshot.content,
    reasoning: snapshot.reasoning || null,
    model: snapshot.model,
    createdAt: new Date(Math.max(Date.now(), row.notBefore)),
  };
  await db
    .insert(messages)
    .values({
      id: row.id,
      conversationId: row.conversationId,
      parentId: row.parentId,
      role: 'assistant',
      status: 'streaming',
      ...values,
    })
    .onConflictDoUpdate({ target: messages.id, set: values, setWhere: eq(messages.status, 'streaming') });
}
