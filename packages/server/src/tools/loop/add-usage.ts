import type { Usage } from '@qiao/core';

/** Usage of a turn that took several model calls: the sum of them. */
export function addUsage(total: Usage | null, next: Usage): Usage {
  if (!total) return { ...next };
  const sum = (a?: number, b?: number) =>
    a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
  const cached = sum(total.cachedInputTokens, next.cachedInputTokens);
  const reasoning = sum(total.reasoningTokens, next.reasoningTokens);
  return {
    inputTokens: total.inputTokens + next.inputTokens,
    outputTokens: total.outputTokens + next.outputTokens,
    totalTokens: total.totalTokens + next.totalTokens,
    ...(cached === undefined ? {} : { cachedInputTokens: cached }),
    ...(reasoning === undefined ? {} : { reasoningTokens: reasoning }),
  };
}
