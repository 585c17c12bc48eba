import { normalizeSpan } from './real-set/real-set';

export type Retriever = (query: string, k: number) => Promise<Array<{ text: string }>>;

/** A question and the verbatim text that answers it. */
export interface LabelledQuestion {
  question: string;
  answer: string;
}

export interface RetrievalQuality {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  /** over the top 10 */
  mrr: number;
  /** the answer inside the first 1,000 characters of the returned passages, in order */
  within1000: number;
  /** rank of the first hit per question (-1: not in the top 10), in the order given */
  ranks: number[];
}

/**
 * recall@1, recall@5, MRR (top 10) and "answer within the first 1,000 characters returned" of a
 * retriever on labelled questions. The last keeps bigger chunks from buying the score: a
 * 3,000-character chunk that holds the answer somewhere is no help to a reader or a prompt.
 */
export async function measureRetrievalQuality(
  retriever: Retriever,
  questions: readonly LabelledQuestion[],
): Promise<RetrievalQuality> {
  let at1 = 0;
  let at5 = 0;
  let within = 0;
  let reciprocal = 0;
  const ranks: number[] = [];
  for (const question of questions) {
    const results = await retriever(question.question, 10);
    const rank = results.findIndex((result) => isHit(result.text, question.answer));
    ranks.push(rank);
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 5) at5++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (withinChars(results, question.answer, 1_000)) within++;
  }
  const n = Math.max(1, questions.length);
  return {
    questions: questions.length,
    recallAt1: at1 / n,
    recallAt5: at5 / n,
    mrr: reciprocal / n,
    within1000: within / n,
    ranks,
  };
}

/**
 * A returned passage answers when it holds the answer whole. A long labelled passage (over 80
 * characters: the generated set's sentences) also counts when a contiguous 60% of it is there,
 * as a chunk boundary may cut it; a short span never counts in part.
 */
export function isHit(chunk: string, answer: string): boolean {
  const text = normalizeSpan(chunk);
  const target = normalizeSpan(answer);
  if (text.includes(target)) return true;
  if (target.length <= 80) return false;
  const piece = Math.ceil(target.length * 0.6);
  for (let start = 0; start + piece <= target.length; start++) {
    if (text.includes(target.slice(start, start + piece))) return true;
  }
  return false;
}

/** Whether the answer is inside the first `chars` characters of the passages read in order. */
export function withinChars(results: readonly { text: string }[], answer: string, chars: number): boolean {
  const read = normalizeSpan(results.map((result) => result.text).join('\n')).slice(0, chars);
  return isHit(read, answer);
}
