import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { IngestProcessor } from './ingest-queue';
import { reindexBatch } from './reindex-batch';
import { searchIndexVersion } from './search-index-version';

/**
 * Re-index jobs share the ingestion queue (in-process, or BullMQ on the scale path) with
 * documents: a job `reindex.<kbId>.<tag>` (BullMQ forbids `:` in ids) is one slice of a
 * knowledge base's re-index. At start the tag is the chunks done so far, so two processes
 * starting at once queue the same id and BullMQ keeps one; each next slice gets a fresh tag
 * (a queue ignores an id it already holds, and the running slice still holds its own).
 */
const prefix = 'reindex.';
let slices = 0;

export function reindexJobId(kbId: string, tag: string | number): string {
  return `${prefix}${kbId}.${tag}`;
}

function nextSliceId(kbId: string): string {
  return reindexJobId(kbId, `${Date.now().toString(36)}-${process.pid}-${++slices}`);
}

export function isReindexJob(jobId: string): boolean {
  return jobId.startsWith(prefix);
}

export interface ReindexDeps {
  db: Db;
  requeue: (jobId: string, delayMs?: number) => Promise<void>;
  log: (line: string) => void;
  /** how long one slice runs before it queues the next: uploads wait at most this long */
  sliceMs?: number;
  /** chunks per transaction (reindex-batch.ts) */
  batchSize?: number;
}

/**
 * Knowledge bases indexed with an older searchIndexVersion: their progress totals are set
 * (kept when a crash left them set) and a job queued for each. Returns how many.
 */
export async function queueStaleKnowledgeBases(deps: ReindexDeps): Promise<number> {
  const { rows } = (await deps.db.execute(sql`
    update knowledge_bases k
    set reindex_done = coalesce(k.reindex_done, 0),
      reindex_total = coalesce(k.reindex_total, (
        select coalesce(sum(d.chunk_count), 0)::int from kb_documents d
        where d.kb_id = k.id and d.status = 'ready' and d.index_version < ${searchIndexVersion}::int))
    where k.index_version < ${searchIndexVersion}::int
    returning k.id, k.reindex_done, k.reindex_total`)) as unknown as {
    rows: { id: string; reindex_done: number; reindex_total: number }[];
  };
  if (rows.length === 0) return 0;
  const left = rows.reduce((sum, row) => sum + Math.max(row.reindex_total - row.reindex_done, 0), 0);
  deps.log(
    `Re-indexing ${rows.length} knowledge base(s) for search index version ${searchIndexVersion} in the background (${left} chunks left)`,
  );
  for (const row of rows) await deps.requeue(reindexJobId(row.id, row.reindex_done));
  return rows.length;
}

/**
 * Runs one slice of a knowledge base's re-index: batches (reindex-batch.ts), document by
 * document, until the slice's time is up, then queues the next slice behind whatever was
 * uploaded meanwhile. Search keeps answering throughout: each batch is its own short
 * transaction, and a document is searchable with old terms and new ones alike.
 */
export function reindexProcessor(deps: ReindexDeps): IngestProcessor {
  const failures = new Map<string, number>();
  return async (jobId, signal) => {
    const kbId = jobId.split('.')[1]!;
    const until = Date.now() + (deps.sliceMs ?? 2_000);
    try {
      while (!signal.aborted) {
        const documentId = await nextDocument(deps.db, kbId);
        if (!documentId) return await finish(deps, kbId);
        await reindexBatch(deps.db, kbId, documentId, deps.batchSize);
        failures.delete(kbId);
        if (Date.now() >= until) return await deps.requeue(nextSliceId(kbId));
      }
    } catch (error) {
      // a database hiccup (or a deadlock on Postgres): the batch left nothing, try again later
      const count = (failures.get(kbId) ?? 0) + 1;
      failures.set(kbId, count);
      deps.log(`Re-indexing knowledge base ${kbId} failed (${(error as Error).message}); attempt ${count}`);
      if (count < 5) await deps.requeue(nextSliceId(kbId), 5_000 * count);
    }
  };
}

async function nextDocument(db: Db, kbId: string): Promise<string | undefined> {
  const { rows } = (await db.execute(sql`
    select id from kb_documents
    where kb_id = ${kbId} and status = 'ready' and index_version < ${searchIndexVersion}::int
    order by id limit 1`)) as unknown as { rows: { id: string }[] };
  return rows[0]?.id;
}

/** Marks the knowledge base current once no ready document is left to do. */
async function finish(deps: ReindexDeps, kbId: string): Promise<void> {
  const { rows } = (await deps.db.execute(sql`
    update knowledge_bases k set index_version = ${searchIndexVersion}::int, reindex_done = null, reindex_total = null
    from (select id, reindex_done from knowledge_bases where id = ${kbId}) old
    where k.id = old.id and k.index_version < ${searchIndexVersion}::int and not exists (
      select 1 from kb_documents d
      where d.kb_id = k.id and d.status = 'ready' and d.index_version < ${searchIndexVersion}::int)
    returning k.name, old.reindex_done`)) as unknown as {
    rows: { name: string; reindex_done: number | null }[];
  };
  const row = rows[0];
  if (row) deps.log(`Re-indexed knowledge base "${row.name}": ${row.reindex_done ?? 0} chunks`);
}
