import { knowledgeBenchEnv } from './knowledge-bench-env';
import { benchIngestion } from './knowledge-ingestion-bench';
import { type LatencyRow, queryLatency } from './knowledge-query-latency';
import { fixed, markdownTable, ms } from './markdown-table';

export interface KnowledgeBenchOptions {
  /** generated corpus for the keyword-only ingestion (the issue asks for ≥ 50); 0 skips ingestion */
  corpusMB?: number;
  /** share of that corpus ingested again with the fixture /embeddings endpoint; 0 skips it */
  embedShare?: number;
  /** knowledge-base sizes for query latency; empty skips it */
  queryScales?: number[];
  queries?: number;
  /** retrieval modes timed (default both); keyword only skips the vectors and their index */
  queryModes?: ('keyword' | 'hybrid')[];
}

/**
 * Ingestion throughput, chat stream jitter during ingestion and query latency, as markdown.
 * QIAO_BENCH_KB_EMBED_SHARE, QIAO_BENCH_KB_QUERIES and QIAO_BENCH_KB_MODES=keyword override the
 * defaults of the last three options (`npm run bench` sets the others from QIAO_BENCH_KB_MB and QIAO_BENCH_KB_SCALES).
 */
export async function benchKnowledge(options: KnowledgeBenchOptions = {}): Promise<string> {
  const corpusMB = options.corpusMB ?? 50;
  const embedShare = options.embedShare ?? Number(process.env.QIAO_BENCH_KB_EMBED_SHARE ?? 0.2);
  const queries = options.queries ?? Number(process.env.QIAO_BENCH_KB_QUERIES ?? 50);
  const scales = (options.queryScales ?? [10_000, 100_000]).filter((scale) => scale > 0);
  const modes =
    options.queryModes ?? (process.env.QIAO_BENCH_KB_MODES === 'keyword' ? ['keyword'] : undefined);
  const env = await knowledgeBenchEnv();
  try {
    const out = ['## Knowledge bases'];
    if (corpusMB > 0) out.push(...(await benchIngestion(env, corpusMB, embedShare)));
    if (scales.length > 0) {
      const latency: (LatencyRow & { chunks: number; vectors: number })[] = [];
      for (const scale of scales) {
        console.error(`knowledge: query latency at ${scale} chunks…`);
        const { rows, chunksPerSecond, vectorsPerSecond } = await queryLatency(env, scale, queries, modes);
        latency.push(...rows.map((row) => ({ ...row, chunks: chunksPerSecond, vectors: vectorsPerSecond })));
      }
      out.push(
        `Query latency of \`retrieve\` over ${queries} generated queries, on knowledge bases filled with synthetic chunks of a 70-word vocabulary (every query term is common: the worst case for the inverted index); hybrid adds the fixture query embedding and the HNSW search. Fill rates: chunks written per second in batches of 512 (segmentation, rows, document frequencies, posting blocks), and vectors written per second including the HNSW index built after them.`,
        markdownTable(
          ['query latency', 'p50', 'p95', '× p50 of the first row', 'fill chunks/s', 'fill vectors/s'],
          latency.map((row) => [
            row.label,
            ms(row.p50),
            ms(row.p95),
            fixed(row.p50 / latency[0]!.p50, 2),
            fixed(row.chunks, 0),
            fixed(row.vectors, 0),
          ]),
        ),
      );
    }
    return out.join('\n\n');
  } finally {
    await env.close();
  }
}
