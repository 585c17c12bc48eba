import {
  AppError,
  type KnowledgeBaseSettings,
  knowledgeBaseSettings,
  maxFusedScore,
  maxQueryChars,
  reciprocalRankFusion,
  type SearchHit,
  type SearchMode,
  type SearchResult,
} from '@qiao/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db';
import { kbMembers, knowledgeBases } from '../db/schema';
import type { Gateway } from '../gateway/gateway';
import { bm25Search, type KeywordSearch } from './bm25-search';
import { rankKeywordHits } from './keyword-ranking';
import { passageRows } from './passage-rows';
import { ensureVectorStore, type VectorHit, vectorSearch } from './vector-store';

export interface RetrieveDeps {
  db: Db;
  config: Config;
  gateway?: Gateway;
}

export interface RetrieveInput {
  userId: string;
  kbIds: readonly string[];
  query: string;
  topK?: number;
  mode?: SearchMode;
  signal?: AbortSignal;
}

export interface RetrievedHit extends SearchHit {
  /** 0..1, compared with the knowledge base's threshold: rerank, else max(keyword coverage, cosine) */
  relevance: number;
  tokenCount: number;
  passesThreshold: boolean;
}

export interface RetrieveResult extends Omit<SearchResult, 'hits'> {
  hits: RetrievedHit[];
  settings: KnowledgeBaseSettings;
}

/**
 * Hybrid retrieval: BM25 (SQL) and pgvector cosine per knowledge base, fused with RRF
 * (k = 60), optionally reranked. A retriever that cannot run (no embedding model, no
 * pgvector, the provider down) is skipped with a note instead of failing the search.
 */
export async function retrieve(deps: RetrieveDeps, input: RetrieveInput): Promise<RetrieveResult> {
  if (input.query.length > maxQueryChars)
    throw new AppError('validation_failed', `query: must be at most ${maxQueryChars} characters`);
  const kbs = await readableKnowledgeBases(deps.db, input.userId, input.kbIds);
  const settings = kbs[0]?.settings ?? knowledgeBaseSettings.parse({});
  const topK = input.topK ?? settings.topK;
  // the keyword ranking reorders BM25's best 40 at least, whatever topK the caller asks for
  const candidates = Math.max(topK * 4, 40);
  const embedding = kbs.filter((kb) => kb.settings.embeddingModel);
  const mode: SearchMode = input.mode ?? (embedding.length > 0 ? 'hybrid' : 'keyword');
  const notes: string[] = [];

  const search: KeywordSearch =
    mode === 'vector' || kbs.length === 0
      ? { hits: [], idfs: new Map(), idfTotal: 0 }
      : await bm25Search(deps.db, {
          userId: input.userId,
          kbIds: kbs.map((kb) => kb.id),
          query: input.query,
          limit: candidates,
        });
  const vector = mode === 'keyword' ? [] : await vectorHits(deps, input, embedding, candidates, notes);
  if (mode !== 'keyword' && embedding.length === 0)
    notes.push('No embedding model is set: keyword retrieval only');

  const rows = await passageRows(deps.db, input.userId, [
    ...new Set([...search.hits.map((hit) => hit.chunkId), ...vector.map((hit) => hit.chunkId)]),
  ]);
  const keyword = rankKeywordHits(search, rows);
  const lists = [keyword.map((hit) => hit.chunkId), vector.map((hit) => hit.chunkId)].filter(
    (list) => list.length > 0,
  );
  const fused = reciprocalRankFusion(lists);
  const ids = [...fused.keys()].slice(0, candidates);
  const byKeyword = new Map(keyword.map((hit) => [hit.chunkId, hit]));
  const byVector = new Map(vector.map((hit) => [hit.chunkId, hit]));
  const thresholds = new Map(kbs.map((kb) => [kb.id, kb.settings.scoreThreshold]));

  let hits: RetrievedHit[] = ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    const k = byKeyword.get(id);
    const v = byVector.get(id);
    const fusedScore = (fused.get(id) ?? 0) / maxFusedScore(Math.max(lists.length, 1));
    const relevance = Math.max(k?.coverage ?? 0, v?.similarity ?? 0);
    const score = lists.length > 1 ? fusedScore : (k?.score ?? v?.similarity ?? 0);
    return [
      {
        chunkId: id,
        text: row.text,
        score,
        scores: {
          ...(k ? { bm25: k.bm25 } : {}),
          ...(v ? { vector: v.similarity } : {}),
          ...(lists.length > 1 ? { fused: fusedScore } : {}),
        },
        source: row.source,
        relevance,
        tokenCount: row.tokenCount,
        passesThreshold: true,
      },
    ];
  });

  const rerankModel = kbs.find((kb) => kb.settings.rerankModel)?.settings.rerankModel;
  if (rerankModel && hits.length > 0) {
    try {
      if (!deps.gateway) throw new Error('no model gateway');
      const scores = await deps.gateway.rerank({
        model: rerankModel,
        query: input.query,
        documents: hits.map((hit) => hit.text),
        source: 'system',
        userId: input.userId,
        signal: input.signal,
      });
      hits = hits
        .map((hit, i) => ({
          ...hit,
          score: scores[i]!,
          relevance: scores[i]!,
          scores: { ...hit.scores, rerank: scores[i]! },
        }))
        .sort((a, b) => b.score - a.score);
    } catch (error) {
      notes.push(`Rerank skipped: ${(error as Error).message}`);
    }
  }
  hits = hits.slice(0, topK).map((hit) => ({
    ...hit,
    passesThreshold: hit.relevance >= (thresholds.get(hit.source.kbId) ?? 0),
  }));
  return { mode, hits, notes, settings };
}

interface ReadableKb {
  id: string;
  settings: KnowledgeBaseSettings;
}

async function readableKnowledgeBases(
  db: Db,
  userId: string,
  kbIds: readonly string[],
): Promise<ReadableKb[]> {
  if (kbIds.length === 0) return [];
  const rows = await db
    .select({ id: knowledgeBases.id, settings: knowledgeBases.settings })
    .from(knowledgeBases)
    .innerJoin(kbMembers, and(eq(kbMembers.kbId, knowledgeBases.id), eq(kbMembers.userId, userId)))
    .where(inArray(knowledgeBases.id, [...kbIds]));
  const order = new Map(kbIds.map((id, i) => [id, i]));
  return rows
    .map((row) => ({ id: row.id, settings: knowledgeBaseSettings.parse(row.settings) }))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

async function vectorHits(
  deps: RetrieveDeps,
  input: RetrieveInput,
  kbs: ReadableKb[],
  limit: number,
  notes: string[],
): Promise<VectorHit[]> {
  if (kbs.length === 0) return [];
  const store = await ensureVectorStore(deps.db);
  if (!store.available) {
    notes.push(store.reason);
    return [];
  }
  if (!deps.gateway) {
    notes.push('No model gateway: keyword retrieval only');
    return [];
  }
  const byModel = new Map<string, number[]>();
  const hits: VectorHit[] = [];
  for (const kb of kbs) {
    const model = kb.settings.embeddingModel!;
    try {
      let query = byModel.get(model);
      if (!query) {
        const result = await deps.gateway.embed({
          model,
          input: [input.query],
          source: 'system',
          userId: input.userId,
          signal: input.signal,
        });
        query = result.embeddings[0] ?? [];
        byModel.set(model, query);
      }
      hits.push(
        ...(await vectorSearch(deps.db, { userId: input.userId, kbId: kb.id, embedding: query, limit })),
      );
    } catch (error) {
      notes.push(`Vector retrieval skipped for one knowledge base: ${(error as Error).message}`);
    }
  }
  return hits.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}
