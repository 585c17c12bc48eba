import type { Database } from '../db';
import { requestLog } from '../db/schema';

export type RequestLogRow = typeof requestLog.$inferInsert;

/**
 * Request-log rows are batched and written off the hot path: PGlite runs on the calling thread,
 * so one insert per request at high concurrency would add jitter to every live stream.
 */
export class RequestLogWriter {
  #queue: RequestLogRow[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly delayMs = 100,
  ) {}

  add(row: RequestLogRow): void {
    this.#queue.push(row);
    if (this.#queue.length >= 200) void this.flush();
    else if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush(), this.delayMs);
      this.#timer.unref();
    }
  }

  /** Writes everything queued so far; resolves when it is stored (or dropped after an error). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const rows = this.#queue;
    this.#queue = [];
    if (rows.length > 0) {
      this.#writing = this.#writing.then(() =>
        this.database.db
          .insert(requestLog)
          .values(rows)
          .then(
            () => undefined,
            (error: unknown) => console.error('[qiao] request log write failed', error),
          ),
      );
    }
    return this.#writing;
  }
}
