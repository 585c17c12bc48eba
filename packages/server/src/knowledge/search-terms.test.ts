import { describe, expect, it } from 'vitest';
import { debianReferenceLines, debianTextMissing } from '../../../core/test/debian-text';
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
      '3.5',
      'run',
      'port',
      '8080',
      'port8080',
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

/** Every term of `query` is among the terms of `document`: the query finds it on all of them. */
function meets(query: string, document: string): void {
  const held = new Set(searchTerms(document));
  expect(
    searchTerms(query).filter((term) => !held.has(term)),
    `${query} → ${document}`,
  ).toEqual([]);
}

describe('searchTerms on mixed Chinese, Latin and numbers', () => {
  it('splits Han runs from Latin and digit runs, on both sides', () => {
    const passage = searchTerms('FFN结构占参数总数的三分之二');
    expect(passage).toEqual(expect.arrayContaining(['ffn', '结构', '参数', '总数']));
    expect(passage.some((term) => /[a-z]/.test(term) && /\p{Script=Han}/u.test(term))).toBe(false);
    const query = searchTerms('Transformer中FFN结构占参数总数的多少？');
    expect(query).toEqual(expect.arrayContaining(['transform', 'ffn', '结构', '参数', '总数']));
    expect(query.filter((term) => passage.includes(term)).length).toBeGreaterThanOrEqual(4);
    expect(searchTerms('GPT-4支持128K上下文')).toEqual(
      expect.arrayContaining(['gpt4', 'gpt', '4', '支持', '128k', '128', '上下文']),
    );
    expect(searchTerms('在Linux上用Python3')).toEqual(
      expect.arrayContaining(['linux', 'python3', 'python', '3']),
    );
  });

  it('keeps a number with its unit, written together or apart', () => {
    expect(searchTerms('2024年')).toEqual(expect.arrayContaining(['2024', '2024年', '年']));
    expect(searchTerms('营收5.83亿元')).toEqual(expect.arrayContaining(['5.83', '5.83亿', '亿元']));
    expect(searchTerms('得分82.5分')).toEqual(expect.arrayContaining(['82.5', '82.5分']));
    expect(searchTerms('第3章')).toContain('3章');
    meets('2024 年', '2024年');
    meets('2024年', '2024 年');
    meets('5.83 亿', '共计5.83亿元');
    meets('82.5 分', '综合得分82.5分');
    // a stop word is no unit
    expect(searchTerms('版本2的')).not.toContain('2的');
  });

  it('reads ranges, decimals, percentages and digit groups', () => {
    const months = searchTerms('2024年1-9月中标');
    expect(months).toEqual(expect.arrayContaining(['1-9', '1', '9', '1-9月', '1月', '9月', '2024年']));
    meets('9月', '1-9月');
    meets('1~9月', '1～9月');
    expect(searchTerms('增长30%')).toEqual(expect.arrayContaining(['30%', '30']));
    meets('30 %', '增长30％');
    expect(searchTerms('共1,024个')).toContain('1024');
    meets('1024', '1,024');
    meets('1，024', '1,024');
    expect(searchTerms('3.14159')).toEqual(['3.14159']);
    // a comma between list items is not a digit group
    expect(searchTerms('1,2,3')).toEqual(['1', '2', '3']);
  });

  it('splits versions and model names into the parts a user may type', () => {
    expect(searchTerms('GPT-4')).toEqual(['gpt4', 'gpt', '4']);
    expect(searchTerms('UTF-8')).toEqual(searchTerms('utf8'));
    expect(searchTerms('Qwen2.5-72B')).toEqual(
      expect.arrayContaining(['qwen2.5-72b', 'qwen2.5', 'qwen', '2.5', '72b', '72']),
    );
    expect(searchTerms('LLaMA 2')).toEqual(expect.arrayContaining(['llama', '2', 'llama2']));
    expect(searchTerms('GPT-4o')).toEqual(['gpt4o', 'gpt', '4', '4o']);
    meets('4o', 'GPT-4o');
    expect(searchTerms('v1.2.3')).toEqual(['v1.2.3', '1.2.3']);
    expect(searchTerms('x86_64')).toEqual(expect.arrayContaining(['x86_64', 'x86', '64']));
    expect(searchTerms('ext4')).toEqual(['ext4', 'ext', '4']);
    expect(searchTerms('IPv6')).toEqual(['ipv6', 'ipv', '6']);
    meets('GPT4', 'GPT-4');
    meets('gpt 4', 'GPT-4');
    meets('Llama-2', 'LLaMA 2');
    meets('LLaMA 2', 'Llama-2');
    meets('llama2', 'LLaMA 2');
    meets('Qwen 2.5', 'Qwen2.5-72B');
    meets('72B', 'Qwen2.5-72B');
    expect(searchTerms('72 B')).toContain('72b');
    // a hash is not cut into pieces nobody types
    expect(searchTerms('a3f9c0e1b2')).toEqual(['a3f9c0e1b2']);
    meets('1.2.3', 'v1.2.3');
  });

  it('reads commands, options and paths of technical documents', () => {
    expect(searchTerms('apt-get')).toEqual(['apt-get', 'apt', 'get']);
    expect(searchTerms('--no-install-recommends')).toEqual(
      expect.arrayContaining(['no-install-recommends', 'instal', 'recommend']),
    );
    expect(searchTerms('/etc/apt/sources.list')).toEqual(
      expect.arrayContaining(['etc/apt/sources.list', 'etc', 'apt', 'sources.list', 'sourc', 'list']),
    );
    meets('sources.list', '编辑/etc/apt/sources.list文件');
    meets('apt get', '运行apt-get update');
    meets('--no-install-recommends', '加上 --no-install-recommends 选项');
    meets('TCP', 'TCP/IP协议');
  });

  it('folds full-width forms, full-width punctuation and case', () => {
    expect(searchTerms('ＧＰＴ－４')).toEqual(searchTerms('GPT-4'));
    expect(searchTerms('２０２４年')).toEqual(searchTerms('2024年'));
    expect(searchTerms('ＦＦＮ结构，（Ｔｒａｎｓｆｏｒｍｅｒ）！')).toEqual(
      searchTerms('FFN结构,(Transformer)!'),
    );
    expect(searchTerms('Ｑｗｅｎ２．５－７２Ｂ')).toEqual(searchTerms('qwen2.5-72b'));
    meets('ｇｐｔ－４ｏ', 'GPT-4o');
    meets('IPV6', 'ipv6');
    expect(searchTerms('这是句子。那是句子，对吧？').every((term) => !/[。，？]/.test(term))).toBe(true);
  });

  it('never gives a term with a space in it', () => {
    for (const text of ['30 %', 'LLaMA 2', '2024 年', '100 ms', 'a　b']) {
      for (const term of searchTerms(text)) expect(term).not.toMatch(/\s/);
    }
  });

  it.skipIf(debianTextMissing)(
    'on real text, no term glues Latin or digits to Chinese but a number and its unit',
    () => {
      const lines = debianReferenceLines();
      const glued = new Set<string>();
      for (const line of lines)
        for (const term of searchTerms(line)) {
          if (!/\p{Script=Han}/u.test(term) || !/[a-z0-9]/.test(term)) continue;
          if (!/^\d+(?:[.~-]\d+)?\p{Script=Han}$/u.test(term)) glued.add(term);
        }
      expect([...glued].slice(0, 10)).toEqual([]);
    },
  );
});
