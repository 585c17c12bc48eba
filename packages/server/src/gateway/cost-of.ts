import type { Usage } from '@qiao/core';
import type { ModelInfo } from './gateway';

/** USD from the price table; undefined when the model has no known price. */
export function costOf(
  info: ModelInfo,
  usage: Pick<Usage, 'inputTokens' | 'outputTokens'>,
): number | undefined {
  if (!info.pricing) return undefined;
  return (usage.inputTokens * info.pricing.input + usage.outputTokens * info.pricing.output) / 1_000_000;
}
