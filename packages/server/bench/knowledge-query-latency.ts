import { eq } from 'drizzle-orm';
import { kbDocuments } from '../src/db/schema';
import { writeChunkBatch } from '../src/knowledge/chunk-writer';
import { addDocument } from '../src/knowledge/document-store';
import { createKnowledgeBase } from '../src/knowledge/kb-store';
import { retrieve } from '../src/knowledge/retrieve';
import { ensureKbVectorIndex, writeVectors } from '../src/knowledge/vector-store';
import { fixtureEmbedding } from '../test/fixtures/fixture-helpers';
import type { KnowledgeBenchEnv } from './knowledge-bench-env';
import { generateQueries, seeded, sentence } from './knowledge-corpus';
import { median, percentile } from './stats';

export interface LatencyRow {
  label: string;
  p50: number;
  p95: number;
}

export interface ScaleLatency {
  rows: LatencyRow[];
  /** chunks written (terms, document frequencies, posting blocks) per second */
  chunksPerSecond: number;
  /** vectors written per second, then the HNSW index built over them, per vector */
  vectorsPerSecond: number;
}

/**
 * Fills a knowledge base with `scale` synthetic chunks (and fixture vectors), then times
 * `retrieve` keyword-only and hybrid. The corpus has a 70-word vocabulary, so every query
 * term is common: the worst case for an inverted index.
 */
export async function queryLatency(
  env: KnowledgeBenchEnv,
  scale: number,
  queries: number,
  modes: readonly ('keyword' | 'hybrid')[] = ['keyword', 'hybrid'],
): Promise<ScaleLatency> {
  const { db } = env.database;
  const kb = await createKnowledgeBase(db, env.user.id, {
    name: `bench-query-${scale}`,
    settings: { embeddingModel: 'openai/fixture-embed' },
  });
  const doc = await addDocument(db, {
    kbId: kb.id,
    name: 'synthetic.md',
    contentHash: `synthetic-${scale}`,
    sizeBytes: 0,
  });
  const hybrid = modes.includes('hybrid');
  const random = seeded(scale);
  let chunkMs = 0;
  let vectorMs = 0;
  for (let start = 0; start < scale; start += 512) {
    const batch = Array.from({ length: Math.min(512, scale - start) }, (_, i) => ({
      index: start + i,
      text: Array.from({ length: 4 }, () => sentence(random)).join(' '),
      headingPath: [],
    }));
    let started = performance.now();
    const written = await writeChunkBatch(db, { kbId: kb.id, documentId: doc.id }, batch);
    chunkMs += performance.now() - started;
    started = performance.now();
    if (hybrid)
      await writeVectors(
        db,
        kb.id,
        written.map((row) => ({ chunkId: row.id, embedding: fixtureEmbedding(row.text) })),
      );
    vectorMs += performance.now() - started;
    if (start % 10_240 === 0 && start > 0) console.error(`knowledge: filled ${start} of ${scale} chunks`);
  }
  await db.update(kbDocuments).set({ status: 'ready' }).where(eq(kbDocuments.id, doc.id));
  const rows: LatencyRow[] = [];
  for (const mode of modes) {
    if (mode === 'hybrid') {
      // built once over the filled table: far faster than growing the HNSW graph batch by batch
      const started = performance.now();
      await ensureKbVectorIndex(db, kb.id, 64);
      vectorMs += performance.now() - started;
    }
    const times: number[] = [];
    for (const query of generateQueries(queries)) {
      const begun = performance.now();
      await retrieve(
        { db, config: env.config, gateway: env.gateway },
        { userId: env.user.id, kbIds: [kb.id], query, mode },
      );
      times.push(performance.now() - begun);
    }
    rows.push({
      label: `${scale.toLocaleString('en')} chunks, ${mode}`,
      p50: median(times),
      p95: percentile(times, 95),
    });
    // partial results as they come: building the HNSW index at 100k chunks is long
    console.error(`knowledge: latency ${JSON.stringify(rows.at(-1))}`);
  }
  return {
    rows,
    chunksPerSecond: scale / (chunkMs / 1000),
    vectorsPerSecond: hybrid ? scale / (vectorMs / 1000) : Number.NaN,
  };
}
