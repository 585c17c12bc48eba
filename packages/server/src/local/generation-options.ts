import { randomInt } from 'node:crypto';
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { LLamaChatGenerateResponseOptions, LlamaChatResponse } from 'node-llama-cpp';

/** Sampling when the caller says nothing: greedy decoding makes small models loop. */
export const defaultTemperature = 0.7;

type SamplingOptions = Pick<
  LLamaChatGenerateResponseOptions,
  'temperature' | 'topP' | 'topK' | 'seed' | 'customStopTriggers' | 'repeatPenalty'
>;

export function samplingOptions(options: LanguageModelV3CallOptions): SamplingOptions {
  const penalties = options.presencePenalty || options.frequencyPenalty;
  return {
    temperature: options.temperature ?? defaultTemperature,
    topP: options.topP,
    topK: options.topK,
    // node-llama-cpp's default seed is the current second: two regenerations would match.
    seed: options.seed ?? randomInt(2 ** 31),
    customStopTriggers: options.stopSequences?.filter((stop) => stop.length > 0),
    repeatPenalty: penalties
      ? { presencePenalty: options.presencePenalty, frequencyPenalty: options.frequencyPenalty }
      : undefined,
  };
}

export function unsupportedWarnings(options: LanguageModelV3CallOptions): SharedV3Warning[] {
  const warnings: SharedV3Warning[] = [];
  if (options.tools?.length) {
    warnings.push({ type: 'unsupported', feature: 'tools', details: 'local models do not call tools' });
  }
  if (options.toolChoice && options.toolChoice.type !== 'auto' && options.toolChoice.type !== 'none') {
    warnings.push({ type: 'unsupported', feature: 'toolChoice' });
  }
  return warnings;
}

export function finishReason(metadata: LlamaChatResponse['metadata']): LanguageModelV3FinishReason {
  const raw = metadata.stopReason;
  const unified =
    raw === 'maxTokens'
      ? 'length'
      : raw === 'functionCalls'
        ? 'tool-calls'
        : raw === 'abort'
          ? 'other'
          : 'stop';
  return { unified, raw };
}
