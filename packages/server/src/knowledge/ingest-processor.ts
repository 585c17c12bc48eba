import { toAppError } from '@qiao/core';
import { eq, sql } from 'drizzle-orm';
import { kbDocuments } from '../db/schema';
import { deleteDocumentChunks } from './chunk-writer';
import { findDocument, pendingStatuses, transitionDocument } from './document-store';
import { type IngestDeps, ingestDocument, maxParseFailures } from './ingest-document';
import type { IngestProcessor } from './ingest-queue';
import { isParserStopped } from './parse/parse-in-child';

export interface RetryPolicy {
  maxAttempts: number;
  /** doubled each attempt */
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 2_000 };

/**
 * Runs ingestDocument and records the outcome on the document: retryable failures (a
 * provider 5xx while embedding, a database hiccup) are queued again with exponential backoff,
 * and so is a parser that ran out of memory or time, once (maxParseFailures); anything else —
 * a corrupt file, an unsupported type, a limit hit — fails at once with its reason.
 */
export function ingestProcessor(
  deps: IngestDeps,
  requeue: (documentId: string, delayMs: number) => Promise<void>,
  policy: RetryPolicy = defaultRetryPolicy,
): IngestProcessor {
  return async (documentId, signal) => {
    const [row] = await deps.db
      .update(kbDocuments)
      .set({ attempts: sql`${kbDocuments.attempts} + 1` })
      .where(eq(kbDocuments.id, documentId))
      .returning({ attempts: kbDocuments.attempts });
    if (!row) return;
    try {
      await ingestDocument(deps, documentId, signal);
    } catch (thrown) {
      // aborted by cancel (status already says so) or by shutdown (resumed at the next start)
      if (signal.aborted) {
        const doc = await findDocument(deps.db, documentId);
        if (doc?.status === 'cancelled') await deleteDocumentChunks(deps.db, doc.kbId, doc.id);
        return;
      }
      const error = toAppError(thrown);
      if (isParserStopped(error)) {
        const failures = (await findDocument(deps.db, documentId))?.parseFailures ?? maxParseFailures;
        if (failures >= maxParseFailures) {
          await transitionDocument(deps.db, documentId, pendingStatuses, {
            status: 'failed',
            error: `${error.message}; it failed ${failures} times and will not be tried again`,
          });
          return;
        }
      }
      if ((error.isRetryable || isParserStopped(error)) && row.attempts < policy.maxAttempts) {
        const delayMs = policy.baseDelayMs * 2 ** (row.attempts - 1);
        const requeued = await transitionDocument(deps.db, documentId, pendingStatuses, {
          status: 'queued',
          error: `Attempt ${row.attempts} failed (${error.message}); retrying in ${Math.round(delayMs / 1000)} s`,
        });
        if (requeued) await requeue(documentId, delayMs);
        return;
      }
      await transitionDocument(deps.db, documentId, pendingStatuses, {
        status: 'failed',
        error: error.code === 'internal' ? `Indexing failed: ${error.message}` : error.message,
      });
    }
  };
}
