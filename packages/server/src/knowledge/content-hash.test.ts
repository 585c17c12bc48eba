import { describe, expect, it } from 'vitest';
import { contentHash, parsedTextHash } from './content-hash';

describe('contentHash', () => {
  it('is the same for the same text with other whitespace or full-width forms', () => {
    expect(contentHash('年假 １５ 天\r\n\r\nAnnual leave')).toBe(
      contentHash('  年假 15 天\nAnnual   leave '),
    );
    expect(contentHash('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('年假 15 天')).not.toBe(contentHash('年假 16 天'));
  });

  it('hashes parsed sections with their headings, whatever the page breaks', () => {
    const onePage = [{ text: '第一段。\n第二段。', headingPath: ['手册'], page: 1 }];
    const twoPages = [
      { text: '第一段。', headingPath: ['手册'], page: 1 },
      { text: '第二段。', headingPath: ['手册'], page: 2 },
    ];
    expect(parsedTextHash(onePage)).toBe(parsedTextHash(twoPages));
    expect(parsedTextHash(onePage)).not.toBe(
      parsedTextHash([{ text: '第一段。\n第二段。', headingPath: ['指南'] }]),
    );
  });
});
