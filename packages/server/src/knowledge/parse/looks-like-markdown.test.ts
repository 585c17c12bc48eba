import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chineseManPageLines,
  debianReferenceLines,
  debianTextMissing,
} from '../../../../core/test/debian-text';
import { looksLikeMarkdown } from './looks-like-markdown';
import { parseDocument } from './parse-document';

const realDocs = new URL('../../../bench/knowledge/real-set/docs/', import.meta.url);
const utf8 = (text: string) => new TextEncoder().encode(text);

const report = [
  '# 2024 年大模型行业报告',
  '',
  '## 一、市场规模',
  '2024 年中国大模型市场规模达到 5.83 亿元，同比增长 82.5%。',
  '',
  '| 厂商 | 中标项目数 | 金额（亿元） |',
  '| --- | ---: | :---: |',
  '| 百度 | 17 | 2.74 |',
  '| 智谱 | 12 | 1.05 |',
  '',
  '## 二、技术路线',
  '### 2.1 模型结构',
  'Transformer 中 FFN 结构约占参数总数的三分之二。',
].join('\n');

describe('looksLikeMarkdown', () => {
  it('takes a report with headings and a pipe table for markdown', () => {
    expect(looksLikeMarkdown(report)).toBe(true);
    // headings alone, or a table and a heading, are enough
    expect(looksLikeMarkdown('## 背景\n内容一\n\n## 方法\n内容二\n\n## 结论\n内容三')).toBe(true);
    expect(looksLikeMarkdown('## 数据\n|a|b|\n|-|-|\n|1|2|'.replace(/\|-\|-\|/, '|---|---|'))).toBe(true);
  });

  it('leaves plain text alone: prose, logs, shell comments, ASCII tables, dashes', () => {
    const plain = [
      '会议纪要\n\n今天讨论了三个问题。\n- 第一，预算\n- 第二，人员\n\n下次会议在周五。',
      '2024-05-01 12:00:01 INFO start\n2024-05-01 12:00:02 WARN disk # 80% | used\n---\n',
      '#!/bin/sh\n# install\n# then configure\napt-get install mc\n\n# clean up\nrm -rf /tmp/x\n\n# done\nexit 0',
      '    # apt-get update\n    # apt-get install mc\n\n    # chmod -R ug+rwX .\n',
      '    | 软件包 | 流行度 |大小 |\n    |---------+--------+-----|\n    |mc |V:54 |1482 |',
      '+-----+-----+\n| a   | b   |\n+-----+-----+\n| 1   | 2   |\n+-----+-----+',
      'Title\n=====\n\nSome words. One line | another | third.\n-----\n',
    ];
    for (const text of plain) expect(looksLikeMarkdown(text), text).toBe(false);
  });

  it('keeps every man page of the real dev set as plain text', () => {
    const pages = readdirSync(realDocs).filter((name) => /^manpage-.*\.txt$/.test(name));
    expect(pages.length).toBeGreaterThan(10);
    const taken = pages.filter((name) => looksLikeMarkdown(readFileSync(new URL(name, realDocs), 'utf8')));
    expect(taken).toEqual([]);
  });

  it.skipIf(debianTextMissing)('keeps the Debian Reference and 80 man pages as plain text', () => {
    expect(looksLikeMarkdown(debianReferenceLines().join('\n'))).toBe(false);
    expect(looksLikeMarkdown(chineseManPageLines(80).join('\n'))).toBe(false);
  });
});

describe('parseDocument on .txt', () => {
  it('parses a markdown report saved as .txt by its headings, with its table whole', async () => {
    const doc = await parseDocument({ bytes: utf8(report), filename: '行业报告.txt' });
    expect(doc.title).toBe('2024 年大模型行业报告');
    const table = doc.sections.find((section) => section.text.includes('| 百度 | 17 | 2.74 |'));
    expect(table?.headingPath).toEqual(['2024 年大模型行业报告', '一、市场规模']);
    expect(table?.text).toContain('| 厂商 | 中标项目数 | 金额（亿元） |\n| --- | ---: | :---: |');
    const ffn = doc.sections.find((section) => section.text.includes('FFN'));
    expect(ffn?.headingPath).toEqual(['2024 年大模型行业报告', '二、技术路线', '2.1 模型结构']);
  });

  it('keeps a man page .txt in one plain section', async () => {
    const bytes = readFileSync(new URL('manpage-tar.txt', realDocs));
    const doc = await parseDocument({ bytes, filename: 'manpage-tar.txt' });
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]!.headingPath).toBeUndefined();
    expect(doc.sections[0]!.text).toContain('tar - tar 档案文件管理程序的 GNU 版本。');
  });
});
