import { buildDevSet } from './dev-set';
import type { DevQuestion } from './dev-set-types';

export type Retriever = (query: string, k: number) => Promise<Array<{ text: string }>>;

export interface RetrievalQuality {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

/**
 * recall@1, recall@5 and MRR (over the top 10) of a retriever on labelled questions. A hit is
 * a returned chunk that contains the labelled passage, or a contiguous 60% of it (a passage
 * cut at a chunk boundary still counts when most of it is there).
 */
export async function measureRetrievalQuality(
  retriever: Retriever,
  questions: readonly DevQuestion[] = buildDevSet().questions,
): Promise<RetrievalQuality> {
  let at1 = 0;
  let at5 = 0;
  let reciprocal = 0;
  for (const question of questions) {
    const results = await retriever(question.question, 10);
    const rank = results.findIndex((result) => isHit(result.text, question.passage));
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 5) at5++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const n = Math.max(1, questions.length);
  return { questions: questions.length, recallAt1: at1 / n, recallAt5: at5 / n, mrr: reciprocal / n };
}

export function isHit(chunk: string, passage: string): boolean {
  const text = normalize(chunk);
  const target = normalize(passage);
  if (text.includes(target)) return true;
  const piece = Math.ceil(target.length * 0.6);
  for (let start = 0; start + piece <= target.length; start++) {
    if (text.includes(target.slice(start, start + piece))) return true;
  }
  return false;
}

const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();
