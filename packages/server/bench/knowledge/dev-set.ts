import { enManualFiller, enManuals, enTownFiller, enTownGuides } from './dev-set-en';
import type { DevDocument, DevQuestion, DocumentPlan } from './dev-set-types';
import { zhCityFiller, zhCityGuides, zhHandbookFiller, zhHandbooks } from './dev-set-zh';
import { sample, seededRandom } from './seeded-random';

export type { DevDocument, DevQuestion } from './dev-set-types';

export interface DevSet {
  documents: DevDocument[];
  questions: DevQuestion[];
}

/**
 * The retrieval-quality dev set: markdown documents generated from templates over made-up
 * companies, products and towns (Chinese and English), and questions labelled with the exact
 * sentence that answers them. Direct questions reuse the passage's words, paraphrases avoid
 * them, follow-ups are the short elliptical questions of a conversation. Seeded: the same
 * seed gives the same set everywhere.
 */
export function buildDevSet(seed = 20_260_401): DevSet {
  const random = seededRandom(seed);
  const plans: [DocumentPlan[], readonly string[]][] = [
    [zhHandbooks(random), zhHandbookFiller],
    [zhCityGuides(), zhCityFiller],
    [enManuals(), enManualFiller],
    [enTownGuides(), enTownFiller],
  ];
  const documents: DevDocument[] = [];
  const candidates: DevQuestion[] = [];
  for (const [group, filler] of plans) {
    for (const plan of group) {
      documents.push({ id: plan.id, filename: plan.filename, text: renderPlan(plan, filler, random) });
      for (const fact of plan.sections.flatMap((section) => section.facts)) {
        for (const q of fact.questions) {
          candidates.push({
            id: `${plan.id}-q${candidates.length + 1}`,
            lang: plan.lang,
            kind: q.kind,
            question: q.question,
            passage: fact.sentence,
            answer: fact.sentence,
            documentId: plan.id,
          });
        }
      }
    }
  }
  // a passage that appears in two documents could be "found" in the wrong one
  const questions = candidates.filter(
    (q) => documents.filter((d) => d.text.includes(q.passage)).length === 1,
  );
  return { documents, questions };
}

function renderPlan(plan: DocumentPlan, filler: readonly string[], random: () => number): string {
  const separator = plan.lang === 'zh' ? '' : ' ';
  const parts = [`# ${plan.title}`];
  for (const section of plan.sections) {
    parts.push(`## ${section.heading}`);
    const sentences = sample(
      random,
      [...section.facts.map((fact) => fact.sentence), ...sample(random, filler, section.filler)],
      99,
    );
    for (let i = 0; i < sentences.length; i += 2) parts.push(sentences.slice(i, i + 2).join(separator));
  }
  return `${parts.join('\n\n')}\n`;
}
