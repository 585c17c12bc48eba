import { describe, expect, it } from 'vitest';
import { queryTerms, searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('segments Chinese in search mode and keeps the words inside long words', () => {
    const terms = searchTerms('中华人民共和国的年假政策是什么？');
    expect(terms).toEqual(expect.arrayContaining(['中华', '人民', '共和国', '中华人民共和国', '政策']));
    expect(terms).not.toContain('的');
    expect(terms).not.toContain('？');
  });

  it('folds width and case, keeps numbers and versions, drops English stop words', () => {
    expect(searchTerms('The ＱＩＡＯ Server v3.5 runs on PORT 8080, not on the cloud.')).toEqual([
      'qiao',
      'server',
      'v3.5',
      'run',
      'port',
      '8080',
      'cloud',
    ]);
  });

  it('stems English and adds the characters of Chinese words, so near forms meet', () => {
    expect(searchTerms('operates lasts charging')).toEqual(searchTerms('operating last charge'));
    // jieba's dictionary lacks 年假; the characters still let 长假 and 年假 meet on 假
    expect(searchTerms('带薪年假')).toEqual(['带薪', '带', '薪', '年', '假']);
    expect(searchTerms('请个长假')).toContain('假');
  });

  it('handles mixed Chinese and English and is deterministic', () => {
    const text = '使用 PostgreSQL 数据库存储向量（pgvector）';
    expect(searchTerms(text)).toEqual(searchTerms(text));
    expect(searchTerms(text)).toEqual(
      expect.arrayContaining(['postgresql', '数据库', '存储', '向量', 'pgvector']),
    );
    expect(queryTerms('数据库')).toEqual(searchTerms('数据库'));
  });

  it('segments many Chinese runs of one text as it would each run alone', () => {
    const runs = ['中华人民共和国的年假政策', '请个长假', '知识库检索', '〇号仓库', '带薪年假'];
    expect(searchTerms(runs.join(' and 3.5, '))).toEqual(
      runs.flatMap((run, i) => [...(i > 0 ? ['3.5'] : []), ...searchTerms(run)]),
    );
  });

  it('is fast', () => {
    const text = '知识库把文档切成段落，并为每个段落建立关键词索引。The index uses BM25 over words. '.repeat(
      4000,
    );
    searchTerms('预热');
    const started = performance.now();
    searchTerms(text);
    const seconds = (performance.now() - started) / 1000;
    const rate = text.length / seconds;
    console.log(`searchTerms: ${(rate / 1e6).toFixed(2)} M chars/s over ${text.length} chars`);
    expect(rate).toBeGreaterThan(50_000);
  });
});
