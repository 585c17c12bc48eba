import { describe, expect, it } from 'vitest';
import { buildDevSet } from '../../bench/knowledge/dev-set';
import { naiveBaseline, naiveTokens } from '../../bench/knowledge/naive-baseline';
import { qiaoKeywordRetriever } from '../../bench/knowledge/qiao-keyword-retriever';
import { isHit, measureRetrievalQuality } from '../../bench/knowledge/retrieval-quality';
import { asFiles, sqlRetriever } from '../../bench/knowledge/sql-retriever';

describe('retrieval-quality dev set', () => {
  const set = buildDevSet();

  it('is deterministic, labelled and bilingual', () => {
    expect(buildDevSet()).toEqual(set);
    expect(set.questions.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['zh', 'en'] as const) {
      for (const kind of ['direct', 'paraphrase', 'follow-up'] as const) {
        expect(
          set.questions.some((q) => q.lang === lang && q.kind === kind),
          `${lang} ${kind}`,
        ).toBe(true);
      }
    }
    for (const question of set.questions) {
      const holders = set.documents.filter((d) => d.text.includes(question.passage));
      expect(holders.map((d) => d.id)).toEqual([question.documentId]);
      expect(question.question).not.toContain(question.passage);
    }
  });

  it('counts a hit for the whole passage or most of it, not for a fragment', () => {
    const passage = '正式员工每年享有5天带薪年假，入职满五年后增加至10天。';
    expect(isHit(`前文。${passage}后文。`, passage)).toBe(true);
    expect(isHit(`前文。${passage.slice(0, 20)}`, passage)).toBe(true);
    expect(isHit(passage.slice(0, 10), passage)).toBe(false);
    expect(naiveTokens('The Aurora X2, 年假。')).toEqual(['the', 'aurora', 'x2', '年', '假']);
  });

  it('Qiao keyword retrieval beats the naive baseline on recall@1 and MRR', async () => {
    const ours = await measureRetrievalQuality(await qiaoKeywordRetriever(set.documents), set.questions);
    const baseline = await measureRetrievalQuality(naiveBaseline(set.documents), set.questions);
    expect(ours.recallAt1).toBeGreaterThan(baseline.recallAt1 * 1.5);
    expect(ours.mrr).toBeGreaterThan(baseline.mrr * 1.3);
  });

  it('the real SQL pipeline (ingestion job, then retrieve) beats the baseline too', async () => {
    const sql = await sqlRetriever(asFiles(set.documents), { chunkTargetChars: 400, chunkOverlapChars: 80 });
    try {
      const ours = await measureRetrievalQuality(sql.retriever, set.questions);
      const baseline = await measureRetrievalQuality(naiveBaseline(set.documents), set.questions);
      console.log(
        `SQL pipeline: recall@1 ${ours.recallAt1.toFixed(3)}, MRR ${ours.mrr.toFixed(3)}; baseline ${baseline.recallAt1.toFixed(3)}, ${baseline.mrr.toFixed(3)}`,
      );
      expect(ours.recallAt1).toBeGreaterThan(baseline.recallAt1 * 1.3);
      expect(ours.mrr).toBeGreaterThan(baseline.mrr * 1.2);
    } finally {
      await sql.close();
    }
  }, 300_000);
});
