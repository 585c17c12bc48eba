import { parseDocument } from '../../../src/knowledge/parse/parse-document';
import { loadRealSet, normalizeSpan, type RealQuestion } from './real-set';

export interface RealSetCheck {
  questions: number;
  documents: number;
  tags: Map<string, number>;
  problems: string[];
}

/**
 * Checks questions of the real-document set: each answer span is in its document as Qiao's
 * parser reads it, inside one section, and nowhere else in the corpus; ids are unique; the
 * question does not copy the span. `idPrefix` checks only the questions whose id starts with it.
 */
export async function checkRealSet(idPrefix = ''): Promise<RealSetCheck> {
  const { documents, questions } = loadRealSet();
  const sections = new Map<string, string[]>();
  for (const document of documents) {
    const parsed = await parseDocument(
      { bytes: document.bytes, filename: document.filename },
      { ocr: false },
    );
    sections.set(
      document.filename,
      parsed.sections.map((section) => normalizeSpan(section.text)),
    );
  }
  const checked = questions.filter((q) => q.id.startsWith(idPrefix));
  const problems: string[] = [];
  const ids = new Set<string>();
  const tags = new Map<string, number>();
  for (const q of checked) {
    if (ids.has(q.id)) problems.push(`${q.id}: duplicate id`);
    ids.add(q.id);
    for (const tag of q.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    problems.push(...questionProblems(q, sections));
  }
  return { questions: checked.length, documents: documents.length, tags, problems };
}

function questionProblems(q: RealQuestion, sections: ReadonlyMap<string, string[]>): string[] {
  const answer = normalizeSpan(q.answer);
  const own = sections.get(q.doc);
  if (!own) return [`${q.id}: no document ${q.doc}`];
  const problems: string[] = [];
  if (answer.length < 4) problems.push(`${q.id}: answer shorter than 4 characters`);
  if (!own.some((text) => text.includes(answer)))
    problems.push(`${q.id}: answer not found inside one section of ${q.doc}: ${answer.slice(0, 60)}`);
  let count = 0;
  for (const texts of sections.values()) for (const text of texts) count += text.split(answer).length - 1;
  if (count > 1) problems.push(`${q.id}: answer occurs ${count} times in the corpus (make it longer)`);
  if (answer.length >= 12 && normalizeSpan(q.question).includes(answer))
    problems.push(`${q.id}: the question copies the answer`);
  return problems;
}
