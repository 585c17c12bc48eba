import { parseDocument } from '../../../src/knowledge/parse/parse-document';
import { loadRealSet, normalizeSpan } from './real-set';

/**
 * Checks every question of the real-document set: its answer span is in its document as
 * Qiao's parser reads it, inside one section, and nowhere else in the corpus; ids are unique;
 * the question does not copy the span. Prints the problems and the counts per tag; exits 1 on
 * a problem. `npx tsx packages/server/bench/knowledge/real-set/check-real-set.ts [questions-x.json]`
 */
const only = process.argv[2];
const { documents, questions } = loadRealSet();
const sections = new Map<string, string[]>();
for (const document of documents) {
  const parsed = await parseDocument({ bytes: document.bytes, filename: document.filename }, { ocr: false });
  sections.set(
    document.filename,
    parsed.sections.map((section) => normalizeSpan(section.text)),
  );
}
const problems: string[] = [];
const ids = new Set<string>();
const tags = new Map<string, number>();
const checked = questions.filter((q) => !only || q.id.startsWith(only.replace(/^questions-|\.json$/g, '')));
for (const q of checked) {
  if (ids.has(q.id)) problems.push(`${q.id}: duplicate id`);
  ids.add(q.id);
  for (const tag of q.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  const answer = normalizeSpan(q.answer);
  if (answer.length < 4) problems.push(`${q.id}: answer shorter than 4 characters`);
  const own = sections.get(q.doc);
  if (!own) {
    problems.push(`${q.id}: no document ${q.doc}`);
    continue;
  }
  if (!own.some((text) => text.includes(answer)))
    problems.push(`${q.id}: answer not found inside one section of ${q.doc}: ${answer.slice(0, 60)}`);
  let count = 0;
  for (const texts of sections.values()) for (const text of texts) count += text.split(answer).length - 1;
  if (count > 1) problems.push(`${q.id}: answer occurs ${count} times in the corpus (make it longer)`);
  if (answer.length >= 12 && normalizeSpan(q.question).includes(answer))
    problems.push(`${q.id}: the question copies the answer`);
}
console.log(`${checked.length} questions, ${documents.length} documents`);
console.log([...tags].map(([tag, n]) => `${tag}: ${n}`).join(', '));
for (const problem of problems) console.log(problem);
if (problems.length > 0) process.exit(1);
