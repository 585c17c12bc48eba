import { z } from 'zod';

/** Request bodies and replies of the REST API under /api/knowledge-bases. */

/** Longer queries are refused: nobody types this much, and BM25 over it is slow for nothing. */
export const maxQueryChars = 2_000;

const settingFields = {
  chunkTargetChars: z.number().int().min(100).max(8_000),
  chunkOverlapChars: z.number().int().min(0).max(2_000),
  /** `provider/model` of an embedding model; null = keyword-only retrieval (the offline default) */
  embeddingModel: z.string().trim().min(1).max(200).nullable(),
  /** `provider/model` of a rerank model (a provider `/rerank` endpoint); null = no rerank */
  rerankModel: z.string().trim().min(1).max(200).nullable(),
  /** passages whose relevance (0..1) is below this are not used: rerank score, else max(keyword coverage, cosine) */
  scoreThreshold: z.number().min(0).max(1),
  topK: z.number().int().min(1).max(50),
  /** prompt budget for retrieved passages, in estimated tokens */
  tokenBudget: z.number().int().min(100).max(32_000),
  /** what the assistant does when nothing passes the threshold */
  notFound: z.enum(['say-not-found', 'answer-anyway']),
  notFoundMessage: z.string().max(500),
};

export const defaultKnowledgeBaseSettings = {
  chunkTargetChars: 600,
  chunkOverlapChars: 80,
  embeddingModel: null,
  rerankModel: null,
  scoreThreshold: 0.2,
  topK: 5,
  tokenBudget: 3_000,
  notFound: 'say-not-found',
  notFoundMessage: '知识库中没有找到相关内容。Not found in the knowledge base.',
} as const;

/** Stored settings: every field, missing ones filled with the defaults. */
export const knowledgeBaseSettings = z
  .object(settingFields)
  .partial()
  .transform((given) => ({ ...defaultKnowledgeBaseSettings, ...stripUndefined(given) }));

/** What a request may change: any subset, no defaults filled in. */
export const knowledgeBaseSettingsPatch = z.strictObject(settingFields).partial();

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type KnowledgeBaseSettings = z.output<typeof knowledgeBaseSettings>;

const name = z.string().trim().min(1).max(100);

export const createKnowledgeBaseBody = z.strictObject({
  name,
  description: z.string().max(2_000).optional(),
  settings: knowledgeBaseSettingsPatch.optional(),
});
export type CreateKnowledgeBaseBody = z.infer<typeof createKnowledgeBaseBody>;

export const updateKnowledgeBaseBody = z.strictObject({
  name: name.optional(),
  description: z.string().max(2_000).optional(),
  settings: knowledgeBaseSettingsPatch.optional(),
});
export type UpdateKnowledgeBaseBody = z.infer<typeof updateKnowledgeBaseBody>;

export const kbRole = z.enum(['read', 'write', 'manage']);
export type KbRole = z.infer<typeof kbRole>;

export const addMemberBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  role: kbRole,
});
export type AddMemberBody = z.infer<typeof addMemberBody>;

export const addUrlBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
});
export type AddUrlBody = z.infer<typeof addUrlBody>;

export const editChunkBody = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
});
export type EditChunkBody = z.infer<typeof editChunkBody>;

export const searchMode = z.enum(['keyword', 'vector', 'hybrid']);
export type SearchMode = z.infer<typeof searchMode>;

export const searchBody = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxQueryChars, `must be at most ${maxQueryChars} characters`),
  topK: z.number().int().min(1).max(50).optional(),
  /** default: hybrid when the knowledge base has an embedding model, keyword otherwise */
  mode: searchMode.optional(),
});
export type SearchBody = z.infer<typeof searchBody>;

export const bindKnowledgeBody = z.strictObject({
  knowledgeBaseIds: z.array(z.string().min(1).max(100)).max(20),
});
export type BindKnowledgeBody = z.infer<typeof bindKnowledgeBody>;

export interface KnowledgeBaseDto {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  role: KbRole;
  settings: KnowledgeBaseSettings;
  documentCount: number;
  chunkCount: number;
  /** while its chunks are re-indexed with newer search terms: chunks done of total */
  reindex?: { done: number; total: number };
  createdAt: string;
  updatedAt: string;
}

export type DocumentStatus = 'queued' | 'parsing' | 'indexing' | 'ready' | 'failed' | 'cancelled';

export interface KbDocumentDto {
  id: string;
  kbId: string;
  name: string;
  format: string | null;
  title: string | null;
  sizeBytes: number;
  status: DocumentStatus;
  progress: number;
  error: string | null;
  attempts: number;
  pageCount: number | null;
  chunkCount: number;
  sourceUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KbChunkDto {
  id: string;
  documentId: string;
  index: number;
  text: string;
  headingPath: string[];
  page: number | null;
  charCount: number;
  tokenCount: number;
  edited: boolean;
}

export interface PassageSource {
  kbId: string;
  documentId: string;
  document: string;
  page?: number;
  heading?: string;
}

/** One ranked passage of a search; scores are per retriever (absent = not found by it). */
export interface SearchHit {
  chunkId: string;
  text: string;
  /** the score the ranking used: rerank, else fused, else the single retriever's */
  score: number;
  scores: { bm25?: number; vector?: number; fused?: number; rerank?: number };
  source: PassageSource;
  /**
   * 0..1, what chat compares with the knowledge base's `scoreThreshold`: rerank, else the
   * larger of keyword coverage and vector cosine (search results always carry it)
   */
  relevance?: number;
  /** false: a chat turn would not use this passage (below the threshold) */
  passesThreshold?: boolean;
}

export interface SearchResult {
  mode: SearchMode;
  hits: SearchHit[];
  /** why a retriever was skipped (no embedding model, no pgvector...) */
  notes: string[];
  /** the knowledge base's `scoreThreshold`: hits whose relevance is below it are not used by chat */
  scoreThreshold?: number;
}

/** A numbered passage given to the model; the answer cites it as [index]. */
export interface KnowledgeSource extends PassageSource {
  index: number;
  chunkId: string;
  text: string;
  /** the score the ranking used (see SearchHit.score) */
  score: number;
  /** 0..1, the value compared with the threshold (absent on sources stored before it existed) */
  relevance?: number;
}
