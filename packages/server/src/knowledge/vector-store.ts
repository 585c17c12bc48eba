import { sql } from 'drizzle-orm';
import type { Db } from '../db';

/**
 * Chunk embeddings live in `kb_chunk_vectors`, created here at start-up rather than in a
 * migration: migrations must run unchanged on CI's Postgres, which has no pgvector. Where
 * `CREATE EXTENSION vector` fails, vector retrieval reports itself unavailable and search
 * stays keyword-only. The column has no fixed dimension (knowledge bases may use different
 * models); each knowledge base gets its own partial HNSW index on `embedding::vector(D)`.
 */
export type VectorStoreState = { available: true } | { available: false; reason: string };

const states = new WeakMap<Db, Promise<VectorStoreState>>();

export function ensureVectorStore(db: Db): Promise<VectorStoreState> {
  let state = states.get(db);
  if (!state) {
    state = createVectorTable(db);
    states.set(db, state);
  }
  return state;
}

async function createVectorTable(db: Db): Promise<VectorStoreState> {
  try {
    await db.execute(sql`create extension if not exists vector`);
    await db.execute(sql`
      create table if not exists kb_chunk_vectors (
        chunk_id text primary key references kb_chunks(id) on delete cascade,
        kb_id text not null references knowledge_bases(id) on delete cascade,
        embedding vector not null
      )`);
    await db.execute(sql`create index if not exists kb_chunk_vectors_kb_idx on kb_chunk_vectors (kb_id)`);
    return { available: true };
  } catch (error) {
    return {
      available: false,
      reason: `pgvector is not installed in this database (${(error as Error).message}); retrieval is keyword-only`,
    };
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Knowledge base ids go into index names and predicates as literals, so they must be uuids. */
function literalKbId(kbId: string): string {
  if (!uuid.test(kbId)) throw new Error(`not a knowledge base id: ${kbId}`);
  return kbId;
}

function vectorText(embedding: readonly number[]): string {
  return `[${embedding.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;
}

/**
 * A partial HNSW index per knowledge base and dimension; the predicate and the cast are
 * literals so that the planner can match the search query to it.
 */
export async function ensureKbVectorIndex(db: Db, kbId: string, dimensions: number): Promise<void> {
  const id = literalKbId(kbId);
  const dims = Math.trunc(dimensions);
  await db.execute(
    sql.raw(
      `create index if not exists "kb_vec_${id.replaceAll('-', '')}_${dims}" on kb_chunk_vectors ` +
        `using hnsw ((embedding::vector(${dims})) vector_cosine_ops) where kb_id = '${id}'`,
    ),
  );
}

export async function writeVectors(
  db: Db,
  kbId: string,
  rows: readonly { chunkId: string; embedding: readonly number[] }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into kb_chunk_vectors (chunk_id, kb_id, embedding)
    select c, ${kbId}, e::vector
    from unnest(${sql.param(rows.map((r) => r.chunkId))}::text[], ${sql.param(rows.map((r) => vectorText(r.embedding)))}::text[]) as u(c, e)
    on conflict (chunk_id) do update set embedding = excluded.embedding`);
}

/** Drops a knowledge base's vectors and indexes (its embedding model changed). */
export async function dropKbVectors(db: Db, kbId: string): Promise<void> {
  const id = literalKbId(kbId);
  const indexes = await db.execute(
    sql`select indexname from pg_indexes where tablename = 'kb_chunk_vectors' and indexname like ${`kb_vec_${id.replaceAll('-', '')}_%`}`,
  );
  for (const row of (indexes as unknown as { rows: { indexname: string }[] }).rows) {
    await db.execute(sql.raw(`drop index if exists "${row.indexname}"`));
  }
  await db.execute(sql`delete from kb_chunk_vectors where kb_id = ${kbId}`);
}

export interface VectorHit {
  chunkId: string;
  /** cosine similarity, -1..1 */
  similarity: number;
}

/** Nearest chunks of one knowledge base the user is a member of, by cosine distance. */
export async function vectorSearch(
  db: Db,
  input: { userId: string; kbId: string; embedding: readonly number[]; limit: number },
): Promise<VectorHit[]> {
  const id = literalKbId(input.kbId);
  const dims = input.embedding.length;
  const cast = sql.raw(`::vector(${dims})`);
  const query = vectorText(input.embedding);
  const result = await db.execute(sql`
    select n.chunk_id as "chunkId", 1 - n.distance as similarity
    from (
      select v.chunk_id, v.embedding${cast} <=> ${query}${cast} as distance
      from kb_chunk_vectors v
      where v.kb_id = ${sql.raw(`'${id}'`)}
      order by v.embedding${cast} <=> ${query}${cast}
      limit ${input.limit * 2}
    ) n
    join kb_chunks c on c.id = n.chunk_id
    join kb_documents d on d.id = c.document_id and d.status = 'ready'
    where exists (select 1 from kb_members m where m.kb_id = c.kb_id and m.user_id = ${input.userId})
    order by n.distance
    limit ${input.limit}`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    chunkId: String(row.chunkId),
    similarity: Number(row.similarity),
  }));
}
