import type { AppError, Usage } from '@qiao/core';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db';
import type { requestLog } from '../db/schema';
import { costOf } from './cost-of';
import type { ModelInfo, RequestOrigin } from './gateway';

export type RequestLogRow = typeof requestLog.$inferInsert;

/** How one gateway call ended, whatever kind of call it was. */
export interface RequestOutcome {
  /** the model that answered, or the last one tried */
  model: ModelInfo | undefined;
  attempts: number;
  /** performance.now() when the call arrived */
  startedAt: number;
  error?: AppError;
  usage?: Pick<Usage, 'inputTokens' | 'outputTokens'>;
  ttftMs?: number;
}

export function requestLogRow(
  request: RequestOrigin & { model: string },
  outcome: RequestOutcome,
): RequestLogRow {
  const { error, usage, model } = outcome;
  return {
    source: request.source,
    userId: request.userId ?? null,
    apiKeyId: request.apiKeyId ?? null,
    requestedModel: request.model || 'default',
    model: model?.id ?? null,
    status: !error ? 'ok' : error.code === 'cancelled' ? 'cancelled' : 'error',
    errorCode: error?.code ?? null,
    attempts: Math.max(1, outcome.attempts),
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    ttftMs: outcome.ttftMs ?? null,
    latencyMs: Math.round(performance.now() - outcome.startedAt),
    costUsd: (model && usage && costOf(model, usage)) || 0,
  };
}

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
        insertRows(this.database.db, rows).then(
          () => undefined,
          (error: unknown) => console.error('[qiao] request log write failed', error),
        ),
      );
    }
    return this.#writing;
  }
}

/**
 * One statement with one array per column, whatever the batch size: drizzle's multi-row
 * `values()` builds a parameter per cell, which cost ~0.1 ms of CPU per logged request.
 */
function insertRows(db: Db, rows: RequestLogRow[]) {
  const column = <T>(pick: (row: RequestLogRow) => T) => sql.param(rows.map(pick));
  return db.execute(sql`
    insert into request_log (user_id, api_key_id, source, requested_model, model, status, error_code,
      attempts, input_tokens, output_tokens, ttft_ms, latency_ms, cost_usd)
    select * from unnest(
      ${column((r) => r.userId ?? null)}::text[], ${column((r) => r.apiKeyId ?? null)}::text[],
      ${column((r) => r.source)}::text[], ${column((r) => r.requestedModel)}::text[],
      ${column((r) => r.model ?? null)}::text[], ${column((r) => r.status)}::text[],
      ${column((r) => r.errorCode ?? null)}::text[], ${column((r) => r.attempts ?? 1)}::int[],
      ${column((r) => r.inputTokens ?? 0)}::int[], ${column((r) => r.outputTokens ?? 0)}::int[],
      ${column((r) => r.ttftMs ?? null)}::int[], ${column((r) => r.latencyMs)}::int[],
      ${column((r) => r.costUsd ?? 0)}::float8[])`);
}
