import { describe, expect, it } from 'vitest';
import { termWindowScore } from './term-window';

const idfs = new Map([
  ['kvm', 3],
  ['内核', 2],
  ['默认', 1],
]);

describe('termWindowScore', () => {
  it('counts the query terms that stand close together, each once', () => {
    expect(termWindowScore('自从 lenny 之后,默认的 Debian 内核就是支持 KVM 的', idfs, 40)).toBe(6);
    expect(termWindowScore('KVM KVM KVM', idfs, 40)).toBe(3);
  });

  it('does not add terms that are further apart than the window', () => {
    const scattered = `默认${'。'.repeat(100)}内核${'。'.repeat(100)}KVM`;
    expect(termWindowScore(scattered, idfs, 40)).toBe(3);
    expect(termWindowScore(scattered, idfs, 400)).toBe(6);
  });

  it('finds Latin terms and numbers only whole, full-width forms too', () => {
    const numbers = new Map([
      ['4', 1],
      ['gpt', 1],
    ]);
    expect(termWindowScore('2024 年 42 项', numbers, 50)).toBe(0);
    expect(termWindowScore('ＧＰＴ－４支持', numbers, 50)).toBe(2);
    expect(termWindowScore('chatgpt', numbers, 50)).toBe(0);
  });
});
