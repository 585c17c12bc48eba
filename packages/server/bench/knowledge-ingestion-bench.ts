import { eq } from 'drizzle-orm';
import { kbDocuments, kbStats } from '../src/db/schema';
import { addDocumentBytes } from '../src/knowledge/add-document';
import { createKnowledgeBase } from '../src/knowledge/kb-store';
import type { KnowledgeBenchEnv } from './knowledge-bench-env';
import { generateCorpus } from './knowledge-corpus';
import { streamGaps } from './knowledge-stream-gaps';
import { fixed, markdownTable, ms } from './markdown-table';
import { cpuMeter } from './process-cpu';
import { median, percentile } from './stats';

/**
 * Ingestion throughput of a generated corpus through the real job queue, keyword only and (a
 * share of it) with the fixture /embeddings, and the gaps of a live chat stream meanwhile.
 */
export async function benchIngestion(
  env: KnowledgeBenchEnv,
  corpusMB: number,
  embedShare: number,
): Promise<string[]> {
  const corpus = generateCorpus(corpusMB * 1024 * 1024);
  console.error(`knowledge: ${corpus.length} documents, ${corpusMB} MB…`);
  const idleGaps = await streamGaps(env, () => false);
  let ingesting = true;
  const busyGapsPromise = streamGaps(env, () => ingesting);
  const keyword = await ingest(env, 'bench-keyword', corpus, null).finally(() => {
    ingesting = false;
  });
  const busyGaps = await busyGapsPromise;
  console.error(
    `knowledge: stream gap p99 idle ${percentile(idleGaps, 99).toFixed(1)} ms, during ingestion ${percentile(busyGaps, 99).toFixed(1)} ms`,
  );
  console.error(`knowledge: ingestion ${JSON.stringify(keyword)}`);
  const results = [keyword];
  if (embedShare > 0) {
    const share = corpus.slice(0, Math.max(1, Math.round(corpus.length * embedShare)));
    results.push(await ingest(env, 'bench-embed', share, 'openai/fixture-embed'));
  }
  // partial results as they come: a full-size run is long
  console.error(`knowledge: ingestion ${JSON.stringify(results.at(-1))}`);
  return [
    `Generated mixed zh/en markdown (${corpus.length} documents), embedded PGlite in its own process, in-process queue, 64 chunks per write transaction.`,
    'Ratios are against the first row of each table (measured in this run). Wall-clock MB/s is the corpus size over the time from the first upload to an idle queue; CPU seconds are this process (parsing, chunking, segmentation) and the embedded database process.',
    markdownTable(
      [
        'ingestion',
        'MB',
        'chunks',
        'seconds',
        'MB/s',
        'chunks/s',
        '× keyword only',
        'CPU s (app + database)',
      ],
      results.map((r) => [
        r.label,
        fixed(r.mb),
        String(r.chunks),
        fixed(r.seconds),
        fixed(r.mb / r.seconds, 2),
        fixed(r.chunks / r.seconds, 0),
        fixed(r.mb / r.seconds / (keyword.mb / keyword.seconds), 2),
        `${fixed(r.cpu.app)} + ${fixed(r.cpu.db)}`,
      ]),
    ),
    'Chat stream during ingestion (fixture sends a token every 20 ms; gap = time between deltas):',
    markdownTable(
      ['chat stream', 'deltas', 'gap p50', 'gap p95', 'gap p99', 'gap max', 'p99 × idle'],
      [
        ['idle', idleGaps],
        ['during keyword ingestion', busyGaps],
      ].map(([label, gaps]) => {
        const g = gaps as number[];
        return [
          label as string,
          String(g.length),
          ms(median(g)),
          ms(percentile(g, 95)),
          ms(percentile(g, 99)),
          ms(Math.max(...g)),
          fixed(percentile(g, 99) / percentile(idleGaps, 99), 2),
        ];
      }),
    ),
  ];
}

async function ingest(
  env: KnowledgeBenchEnv,
  name: string,
  docs: { name: string; text: string }[],
  embeddingModel: string | null,
) {
  const { db } = env.database;
  const kb = await createKnowledgeBase(db, env.user.id, { name, settings: { embeddingModel } });
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0);
  const cpu = cpuMeter();
  const started = performance.now();
  for (const doc of docs) {
    await addDocumentBytes({ db, dataDir: env.config.dataDir, knowledge: env.knowledge }, kb.id, {
      name: doc.name,
      bytes: new TextEncoder().encode(doc.text),
    });
  }
  await env.knowledge.queue.idle();
  const seconds = (performance.now() - started) / 1000;
  const [stats] = await db.select().from(kbStats).where(eq(kbStats.kbId, kb.id));
  const failed = (await db.select().from(kbDocuments).where(eq(kbDocuments.kbId, kb.id))).filter(
    (d) => d.status !== 'ready',
  );
  if (failed.length > 0)
    console.error(`knowledge: ${failed.length} documents not ready: ${failed[0]!.error}`);
  return {
    label: embeddingModel ? 'with fixture /embeddings (64 dims)' : 'keyword only',
    mb: bytes / 1024 / 1024,
    chunks: stats?.chunkCount ?? 0,
    seconds,
    cpu: cpu(),
  };
}
