import { pathToFileURL } from 'node:url';
import { chunkDocument, reciprocalRankFusion } from '@qiao/core';
import { redactTexts } from '../../src/gateway/outbound-pii';
import { parseDocument } from '../../src/knowledge/parse/parse-document';
import { fixtureEmbedding } from '../../test/fixtures/fixture-helpers';
import { markdownTable } from '../markdown-table';
import type { DevDocument, DevQuestion } from './dev-set-types';
import { buildPiiDevSet } from './pii-dev-set';
import { defaultKeywordOptions, qiaoKeywordRetriever } from './qiao-keyword-retriever';
import { measureRetrievalQuality, type RetrievalQuality, type Retriever } from './retrieval-quality';
import { asFiles } from './sql-retriever';

/** Dimensions of the fixture embedding here: enough buckets that unrelated words rarely share one. */
const dims = 256;

type Embed = (texts: readonly string[]) => number[][];

/** What a cloud embedding model is given: the gateway's own redaction (gateway/outbound-pii.ts). */
const redacted: Embed = (texts) => redactTexts(texts).texts.map((text) => fixtureEmbedding(text, dims));
const original: Embed = (texts) => texts.map((text) => fixtureEmbedding(text, dims));

/** Chunks as ingestion makes them (parse → chunk), embedded as ingestion does (the chunk text). */
async function vectorRetriever(documents: readonly DevDocument[], embed: Embed): Promise<Retriever> {
  const chunks: string[] = [];
  for (const document of documents) {
    const parsed = await parseDocument({
      bytes: new TextEncoder().encode(document.text),
      filename: document.filename,
    });
    for (const chunk of chunkDocument(parsed.sections, defaultKeywordOptions)) chunks.push(chunk.text);
  }
  const vectors = embed(chunks);
  return async (query, k) => {
    const [q] = embed([query]);
    const scored = vectors.map((v, i) => ({ i, score: v.reduce((sum, x, j) => sum + x * q![j]!, 0) }));
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, k).map(({ i }) => ({ text: chunks[i]! }));
  };
}

/** BM25 (over the original text: the index is local) fused with the vectors by RRF, as retrieve.ts does. */
function hybrid(keyword: Retriever, vector: Retriever): Retriever {
  return async (query, k) => {
    const [a, b] = await Promise.all([keyword(query, 40), vector(query, 40)]);
    const fused = reciprocalRankFusion([a.map((hit) => hit.text), b.map((hit) => hit.text)]);
    return [...fused.keys()].slice(0, k).map((text) => ({ text }));
  };
}

export interface RedactionRow {
  questions: string;
  retriever: 'vector' | 'hybrid';
  original: RetrievalQuality;
  redacted: RetrievalQuality;
}

/** recall@1/@5 and MRR with and without redaction of what the embedding model reads. */
export async function measureRedactionEffect(): Promise<RedactionRow[]> {
  const set = buildPiiDevSet();
  const keyword = await qiaoKeywordRetriever(asFiles(set.documents));
  const plain = await vectorRetriever(set.documents, original);
  const masked = await vectorRetriever(set.documents, redacted);
  const groups: [string, DevQuestion[]][] = [
    ['dev set (no PII asked)', set.questions],
    ['contact by owner', set.byOwner],
    ['contact by value (phone, e-mail)', set.byValue],
  ];
  const rows: RedactionRow[] = [];
  for (const [questions, list] of groups) {
    rows.push({
      questions,
      retriever: 'vector',
      original: await measureRetrievalQuality(plain, list),
      redacted: await measureRetrievalQuality(masked, list),
    });
    rows.push({
      questions,
      retriever: 'hybrid',
      original: await measureRetrievalQuality(hybrid(keyword, plain), list),
      redacted: await measureRetrievalQuality(hybrid(keyword, masked), list),
    });
  }
  return rows;
}

export function redactionTable(rows: readonly RedactionRow[]): string {
  const f = (n: number) => n.toFixed(3);
  return markdownTable(
    [
      'questions',
      'n',
      'retriever',
      'recall@1 orig → redacted',
      'recall@5 orig → redacted',
      'MRR orig → redacted',
    ],
    rows.map((r) => [
      r.questions,
      String(r.original.questions),
      r.retriever,
      `${f(r.original.recallAt1)} → ${f(r.redacted.recallAt1)}`,
      `${f(r.original.recallAt5)} → ${f(r.redacted.recallAt5)}`,
      `${f(r.original.mrr)} → ${f(r.redacted.mrr)}`,
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(redactionTable(await measureRedactionEffect()));
}
