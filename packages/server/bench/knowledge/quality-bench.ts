import { pathToFileURL } from 'node:url';
import { fixed, markdownTable } from '../markdown-table';
import { buildDevSet } from './dev-set';
import type { DevDocument, DevQuestion } from './dev-set-types';
import { naiveBaseline } from './naive-baseline';
import { defaultKeywordOptions, qiaoKeywordRetriever } from './qiao-keyword-retriever';
import { measureRetrievalQuality, type RetrievalQuality, type Retriever } from './retrieval-quality';
import { sqlRetriever } from './sql-retriever';

/**
 * Retrieval quality on the labelled dev set: Qiao's keyword pipeline (and any retrievers the
 * caller adds, e.g. the database pipeline) against the naive baseline, measured in the same
 * run. Returns a markdown section for `npm run bench`.
 */
export async function benchRetrievalQuality(extra: Record<string, Retriever> = {}): Promise<string> {
  const { documents, questions } = buildDevSet();
  const sql = await sqlRetriever(documents);
  try {
    return await report(documents, questions, {
      'Qiao keyword (in memory)': await qiaoKeywordRetriever(documents),
      'Qiao keyword (SQL, ingested)': sql.retriever,
      ...extra,
    });
  } finally {
    await sql.close();
  }
}

async function report(
  documents: DevDocument[],
  questions: DevQuestion[],
  retrievers: Record<string, Retriever>,
): Promise<string> {
  const baseline = naiveBaseline(documents);
  const groups: [string, DevQuestion[]][] = [
    ['all', questions],
    ['zh', questions.filter((q) => q.lang === 'zh')],
    ['en', questions.filter((q) => q.lang === 'en')],
    ['paraphrase', questions.filter((q) => q.kind === 'paraphrase')],
    ['follow-up', questions.filter((q) => q.kind === 'follow-up')],
  ];
  const rows: string[][] = [];
  for (const [group, subset] of groups) {
    const base = await measureRetrievalQuality(baseline, subset);
    rows.push(row(`naive baseline · ${group} (${subset.length})`, base));
    for (const [name, retriever] of Object.entries(retrievers)) {
      rows.push(row(`${name} · ${group}`, await measureRetrievalQuality(retriever, subset), base));
    }
  }
  const { targetChars, overlapChars } = defaultKeywordOptions;
  return [
    '## Retrieval quality',
    `Dev set: ${documents.length} generated documents (${sum(documents.map((d) => d.text.length))} characters, ` +
      `Chinese and English), ${questions.length} labelled questions. Baseline: fixed 500-character windows, ` +
      `plain BM25 over whitespace words and single CJK characters. Qiao: parse → chunk ` +
      `(${targetChars} target, ${overlapChars} overlap, by heading/paragraph/sentence) → jieba search-mode ` +
      'terms + characters, stemmed English → BM25 with the heading path as its own field (in memory); ' +
      'the SQL rows are the real path: the ingestion job into the database, then `retrieve` (SQL BM25, ' +
      'heading path indexed with the chunk text).',
    markdownTable(['retriever · questions', 'recall@1', 'recall@5', 'MRR', 'recall@1 ×', 'MRR ×'], rows),
  ].join('\n\n');
}

function row(name: string, quality: RetrievalQuality, base?: RetrievalQuality): string[] {
  const ratio = (ours: number, theirs: number | undefined) =>
    theirs === undefined ? '1.00' : theirs === 0 ? 'n/a' : fixed(ours / theirs, 2);
  return [
    name,
    fixed(quality.recallAt1, 3),
    fixed(quality.recallAt5, 3),
    fixed(quality.mrr, 3),
    ratio(quality.recallAt1, base?.recallAt1),
    ratio(quality.mrr, base?.mrr),
  ];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchRetrievalQuality());
}
