import { pathToFileURL } from 'node:url';
import { defaultKnowledgeBaseSettings } from '@qiao/core';
import { fixed, markdownTable } from '../markdown-table';
import { buildDevSet } from './dev-set';
import { naiveBaseline } from './naive-baseline';
import { loadRealSet, type RealTag } from './real-set/real-set';
import { realSetText } from './real-set/real-set-text';
import {
  type LabelledQuestion,
  measureRetrievalQuality,
  type RetrievalQuality,
  type Retriever,
} from './retrieval-quality';
import { asFiles, sqlRetriever } from './sql-retriever';

interface BenchSet {
  name: string;
  questions: (LabelledQuestion & { tags: string[] })[];
  baseline: Retriever;
  qiao: Retriever;
  close(): Promise<void>;
}

/**
 * Retrieval quality on both dev sets — real Chinese documents Debian ships, with hand-written
 * questions, and the generated bilingual set — for Qiao's real path (ingestion job into the
 * database with default settings, then keyword `retrieve`) against the naive baseline, measured
 * in the same run the same way. Returns a markdown section for `npm run bench`.
 */
export async function benchRetrievalQuality(): Promise<string> {
  const sets = [await realBenchSet(), await generatedBenchSet()];
  try {
    const rows: string[][] = [];
    const tagRows: string[][] = [];
    for (const set of sets) {
      const base = await measureRetrievalQuality(set.baseline, set.questions);
      const ours = await measureRetrievalQuality(set.qiao, set.questions);
      rows.push(row(`${set.name} · naive BM25, 500-char windows`, base));
      rows.push(row(`${set.name} · Qiao (ingest + keyword search, defaults)`, ours, base));
      for (const tag of [...new Set(set.questions.flatMap((q) => q.tags))].sort()) {
        const pick = (ranks: number[]) => ranks.filter((_, i) => set.questions[i]!.tags.includes(tag));
        const at1 = (ranks: number[]) =>
          fixed(pick(ranks).filter((r) => r === 0).length / pick(ranks).length, 3);
        tagRows.push([
          `${set.name} · ${tag}`,
          String(pick(ours.ranks).length),
          at1(base.ranks),
          at1(ours.ranks),
        ]);
      }
    }
    const { chunkTargetChars, chunkOverlapChars } = defaultKnowledgeBaseSettings;
    return [
      '## Retrieval quality',
      `Two dev sets. **real**: ${sets[0]!.questions.length} hand-written questions over Chinese documentation ` +
        'Debian ships (debian-reference HTML, the Debian Edu manual as PDF, GIMP help pages, man pages as ' +
        'text; bench/knowledge/real-set), each with the verbatim answer span. **generated**: the bilingual ' +
        'set generated from templates. Baseline: fixed 500-character windows of the parsed text, plain BM25 ' +
        'over whitespace words and single CJK characters. Qiao: the ingestion job into the database with a ' +
        `knowledge base's defaults (${chunkTargetChars}-character chunks, ${chunkOverlapChars} overlap), then ` +
        'keyword `retrieve` (no embedding model). A hit is a passage that holds the answer span whole; ' +
        '"≤ 1,000 chars" is the answer inside the first 1,000 characters returned.',
      markdownTable(
        [
          'set · retriever',
          'questions',
          'recall@1',
          'recall@5',
          'MRR',
          '≤ 1,000 chars',
          'recall@1 ×',
          'MRR ×',
        ],
        rows,
      ),
      'recall@1 by what a question tests:',
      markdownTable(['set · tag', 'questions', 'baseline', 'Qiao'], tagRows),
    ].join('\n\n');
  } finally {
    for (const set of sets) await set.close();
  }
}

async function realBenchSet(): Promise<BenchSet> {
  const { documents, questions } = loadRealSet();
  const sql = await sqlRetriever(documents);
  return {
    name: 'real',
    questions: questions.map((q) => ({ question: q.question, answer: q.answer, tags: q.tags as RealTag[] })),
    baseline: naiveBaseline(await realSetText(documents)),
    qiao: sql.retriever,
    close: sql.close,
  };
}

async function generatedBenchSet(): Promise<BenchSet> {
  const { documents, questions } = buildDevSet();
  const sql = await sqlRetriever(asFiles(documents));
  return {
    name: 'generated',
    questions: questions.map((q) => ({ question: q.question, answer: q.passage, tags: [q.lang, q.kind] })),
    baseline: naiveBaseline(documents),
    qiao: sql.retriever,
    close: sql.close,
  };
}

function row(name: string, quality: RetrievalQuality, base?: RetrievalQuality): string[] {
  const ratio = (ours: number, theirs: number | undefined) =>
    theirs === undefined ? '1.00' : theirs === 0 ? 'n/a' : fixed(ours / theirs, 2);
  return [
    name,
    String(quality.questions),
    fixed(quality.recallAt1, 3),
    fixed(quality.recallAt5, 3),
    fixed(quality.mrr, 3),
    fixed(quality.within1000, 3),
    ratio(quality.recallAt1, base?.recallAt1),
    ratio(quality.mrr, base?.mrr),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchRetrievalQuality());
}
