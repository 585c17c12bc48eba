import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';

describe('contentHash', () => {
  it('is the same for the same text with other whitespace or full-width forms', () => {
    expect(contentHash('年假 １５ 天\r\n\r\nAnnual leave')).toBe(
      contentHash('  年假 15 天\nAnnual   leave '),
    );
    expect(contentHash('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('年假 15 天')).not.toBe(contentHash('年假 16 天'));
  });
});
