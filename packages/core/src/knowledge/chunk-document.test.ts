import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-document';

const zh =
  '桥是一个自托管平台。它把大模型带给每个团队！知识库会引用原文吗？会的；每个回答都有出处。' +
  '文档上传后在后台解析。进度可以在界面上看到。';

describe('chunkDocument', () => {
  it('packs whole Chinese sentences up to the target and never cuts one', () => {
    const chunks = chunkDocument([{ text: zh, headingPath: ['介绍'] }], { targetChars: 30, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.charCount).toBeLessThanOrEqual(30);
      expect(chunk.text).toMatch(/[。！？；]$/);
      expect(chunk.headingPath).toEqual(['介绍']);
    }
    expect(chunks.map((c) => c.text).join('')).toBe(zh);
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
  });

  it('overlaps by whole sentences', () => {
    const chunks = chunkDocument([{ text: zh }], { targetChars: 30, overlapChars: 12 });
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!.text;
      const firstSentence = /^.*?[。！？；]/.exec(chunks[i]!.text)![0];
      if (firstSentence.length <= 12) expect(previous.endsWith(firstSentence)).toBe(true);
    }
    expect(
      chunks.some((c, i) => i > 0 && chunks[i - 1]!.text.endsWith(/^.*?[。！？；]/.exec(c.text)![0])),
    ).toBe(true);
  });

  it('splits English at sentence ends followed by a space, not inside 3.5 or example.com', () => {
    const text = 'Version 3.5 ships today. See example.com for details! Is it stable? Yes; it is.';
    const chunks = chunkDocument([{ text }], { targetChars: 30, overlapChars: 0 });
    expect(chunks.map((c) => c.text)).toEqual([
      'Version 3.5 ships today.',
      'See example.com for details!',
      'Is it stable? Yes; it is.',
    ]);
  });

  it('cuts a sentence longer than the target at commas, then by characters', () => {
    const long = `${'这是一段很长的说明，'.repeat(6)}结束。`;
    const chunks = chunkDocument([{ text: long }], { targetChars: 25, overlapChars: 0 });
    expect(chunks.every((c) => c.charCount <= 25)).toBe(true);
    expect(chunks[0]!.text.endsWith('，')).toBe(true);
    const noBreaks = chunkDocument([{ text: 'x'.repeat(70) }], { targetChars: 25, overlapChars: 5 });
    expect(noBreaks.map((c) => c.charCount)).toEqual([25, 25, 20]);
  });

  it('keeps sections apart with their page and heading path, and keeps line breaks', () => {
    const chunks = chunkDocument(
      [
        { text: 'First line\nSecond line', page: 1, headingPath: ['Guide', 'Setup'] },
        { text: '第二页。', page: 2, headingPath: ['Guide'] },
      ],
      { targetChars: 500, overlapChars: 50 },
    );
    expect(chunks).toEqual([
      { index: 0, text: 'First line\nSecond line', page: 1, headingPath: ['Guide', 'Setup'], charCount: 22 },
      { index: 1, text: '第二页。', page: 2, headingPath: ['Guide'], charCount: 4 },
    ]);
  });

  it('keeps the spaces the source had between sentences, CJK or not', () => {
    const spaced = chunkDocument([{ text: '表 9.4. 系统日志分析软件列表' }], {
      targetChars: 100,
      overlapChars: 0,
    });
    expect(spaced[0]!.text).toBe('表 9.4. 系统日志分析软件列表');
  });

  it('returns nothing for empty sections', () => {
    expect(chunkDocument([{ text: '  \n\n ' }], { targetChars: 100, overlapChars: 10 })).toEqual([]);
  });
});
