/** The constant of Cormack et al. (2009): large enough that rank 1 does not drown rank 2. */
export const rrfK = 60;

/**
 * Fuses ranked lists of ids: score(id) = Σ 1 / (k + rank). Ids found by several retrievers
 * rise; raw scores are ignored, so BM25 and cosine need no common scale.
 */
export function reciprocalRankFusion(lists: readonly (readonly string[])[], k = rrfK): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, rank) => {
      fused.set(id, (fused.get(id) ?? 0) + 1 / (k + rank + 1));
    });
  }
  return new Map([...fused].sort((a, b) => b[1] - a[1]));
}

/** The best fused score possible with `lists` retrievers, to scale fused scores into 0..1. */
export function maxFusedScore(lists: number, k = rrfK): number {
  return lists / (k + 1);
}
