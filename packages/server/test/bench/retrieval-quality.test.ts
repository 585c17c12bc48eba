import { describe, expect, it } from 'vitest';
import { buildDevSet } from '../../bench/knowledge/dev-set';
import { naiveBaseline, naiveTokens } from '../../bench/knowledge/naive-baseline';
import { qiaoKeywordRetriever } from '../../bench/knowledge/qiao-keyword-retriever';
import { loadRealSet } from '../../bench/knowledge/real-set/real-set';
import { checkRealSet } from '../../bench/knowledge/real-set/real-set-problems';
import { realSetText } from '../../bench/knowledge/real-set/real-set-text';
import { isHit, measureRetrievalQuality, withinChars } from '../../bench/knowledge/retrieval-quality';
import { asFiles, sqlRetriever } from '../../bench/knowledge/sql-retriever';

describe('retrieval-quality dev sets', () => {
  const set = buildDevSet();

  it('the generated set is deterministic, labelled and bilingual', () => {
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

  it('the real set: 300+ hand-written questions whose answer spans Qiao parses, once in the corpus', async () => {
    const check = await checkRealSet();
    expect(check.problems).toEqual([]);
    expect(check.questions).toBeGreaterThanOrEqual(300);
    for (const tag of ['number', 'english', 'table', 'heading', 'list', 'paraphrase'])
      expect(check.tags.get(tag) ?? 0, tag).toBeGreaterThanOrEqual(30);
  }, 120_000);

  it('counts a hit for a whole span (or most of a long passage), and answers read within 1,000 characters', () => {
    const passage =
      '正式员工每年享有5天带薪年假，入职满五年后增加至10天，并可结转到下一年度使用，但最多结转五天，超出部分在次年三月底前清零，请各部门及时安排员工休假，具体以人力资源部通知为准。';
    expect(isHit(`前文。${passage}后文。`, passage)).toBe(true);
    expect(passage.length).toBeGreaterThan(80);
    expect(isHit(`前文。${passage.slice(0, 60)}`, passage)).toBe(true);
    expect(isHit('答案在此', '答案在此处')).toBe(false);
    expect(isHit(passage.slice(0, 10), passage)).toBe(false);
    expect(isHit('表 9.4.  系统日志', '表 9.4. 系统日志')).toBe(true);
    expect(isHit('表 9.4. 系统', '表 9.4. 系统日志')).toBe(false);
    const filler = { text: 'x'.repeat(998) };
    expect(withinChars([{ text: 'a' }, { text: '答案在此' }], '答案在此', 1_000)).toBe(true);
    expect(withinChars([filler, { text: '答案在此' }], '答案在此', 1_000)).toBe(false);
    expect(naiveTokens('The Aurora X2, 年假。')).toEqual(['the', 'aurora', 'x2', '年', '假']);
  });

  it('on the real documents, Qiao keyword retrieval beats the naive baseline by a clear margin', async () => {
    const { documents, questions } = loadRealSet();
    const ours = await measureRetrievalQuality(await qiaoKeywordRetriever(documents), questions);
    const baseline = await measureRetrievalQuality(naiveBaseline(await realSetText(documents)), questions);
    console.log(
      `real set, in memory: recall@1 ${ours.recallAt1.toFixed(3)} vs ${baseline.recallAt1.toFixed(3)}, ` +
        `MRR ${ours.mrr.toFixed(3)} vs ${baseline.mrr.toFixed(3)}, ` +
        `within 1,000 chars ${ours.within1000.toFixed(3)} vs ${baseline.within1000.toFixed(3)}`,
    );
    expect(ours.recallAt1).toBeGreaterThan(baseline.recallAt1 * 1.15);
    expect(ours.recallAt5).toBeGreaterThan(baseline.recallAt5 * 1.1);
    expect(ours.mrr).toBeGreaterThan(baseline.mrr * 1.12);
    expect(ours.within1000).toBeGreaterThan(baseline.within1000 * 1.1);
  }, 300_000);

  it('on the generated set, Qiao keyword retrieval beats the naive baseline', async () => {
    const ours = await measureRetrievalQuality(
      await qiaoKeywordRetriever(asFiles(set.documents)),
      set.questions,
    );
    const baseline = await measureRetrievalQuality(naiveBaseline(set.documents), set.questions);
    expect(ours.recallAt1).toBeGreaterThan(baseline.recallAt1 * 1.8);
    expect(ours.mrr).toBeGreaterThan(baseline.mrr * 1.6);
  });

  it('the real SQL pipeline (ingestion job, then retrieve) beats the baseline too', async () => {
    const sql = await sqlRetriever(asFiles(set.documents));
    try {
      const ours = await measureRetrievalQuality(sql.retriever, set.questions);
      const baseline = await measureRetrievalQuality(naiveBaseline(set.documents), set.questions);
      console.log(
        `SQL pipeline: recall@1 ${ours.recallAt1.toFixed(3)}, MRR ${ours.mrr.toFixed(3)}; baseline ${baseline.recallAt1.toFixed(3)}, ${baseline.mrr.toFixed(3)}`,
      );
      expect(ours.recallAt1).toBeGreaterThan(baseline.recallAt1 * 1.8);
      expect(ours.mrr).toBeGreaterThan(baseline.mrr * 1.6);
    } finally {
      await sql.close();
    }
  }, 300_000);
});
