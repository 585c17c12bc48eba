import { describe, expect, it } from 'vitest';
import { maxFusedScore, reciprocalRankFusion } from './reciprocal-rank-fusion';

describe('reciprocalRankFusion', () => {
  it('ranks ids found by both retrievers first', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'a', 'd'],
    ]);
    expect([...fused.keys()]).toEqual(['a', 'c', 'b', 'd']);
    expect(fused.get('a')).toBeCloseTo(1 / 61 + 1 / 62);
  });

  it('scales to at most 1 with maxFusedScore', () => {
    const fused = reciprocalRankFusion([['x'], ['x']]);
    expect(fused.get('x')! / maxFusedScore(2)).toBeCloseTo(1);
  });

  it('handles empty lists', () => {
    expect(reciprocalRankFusion([[], []]).size).toBe(0);
  });
});
