import type { ModelInfo } from '../gateway/gateway';

/**
 * Model names that see images, for models the catalog does not describe (discovered ids,
 * custom endpoints). Data, not code: add a pattern when a vendor ships a new vision family.
 */
export const visionModelPatterns: readonly RegExp[] = [
  /gpt-4o/i,
  /gpt-4\.1/i,
  /gpt-4-turbo/i,
  /gpt-5/i,
  /^o[134](-|$)/i,
  /claude-3/i,
  /claude-(sonnet|opus|haiku)-4/i,
  /gemini/i,
  /qwen[\d.]*-?vl/i,
  /qvq/i,
  /glm-4(\.\d+)?v/i,
  /doubao.*vision/i,
  /doubao-seed/i,
  /moonshot-v1-.*vision/i,
  /kimi-.*(vl|vision)/i,
  /deepseek-vl/i,
  /internvl/i,
  /llava/i,
  /minicpm-v/i,
  /pixtral/i,
  /llama-?3\.2.*vision/i,
  /-vision/i,
];

/** The catalog's word wins; otherwise the name decides. */
export function isVisionModel(model: Pick<ModelInfo, 'providerModel' | 'supportsVision'>): boolean {
  if (model.supportsVision !== undefined) return model.supportsVision;
  return visionModelPatterns.some((pattern) => pattern.test(model.providerModel));
}
