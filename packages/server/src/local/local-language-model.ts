import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  SharedV3Warning,
} from '@ai-sdk/provider';
import { AppError, toAppError } from '@qiao/core';
import { unsupportedWarnings } from './generation-options';
import { grammarFor } from './json-grammar';
import type { LoadedModel } from './loaded-model';
import { promptToChatHistory } from './prompt-to-chat-history';
import { cancelled } from './serial-queue';
import { streamGeneration } from './stream-generation';

export class LocalLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'local';
  readonly supportedUrls = {};

  constructor(
    readonly modelId: string,
    private readonly load: () => Promise<LoadedModel>,
  ) {}

  /** Rejects (before any stream exists) when the file is unusable or the schema unsupported. */
  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    if (options.abortSignal?.aborted) throw cancelled(options.abortSignal);
    if (options.maxOutputTokens !== undefined && !(options.maxOutputTokens >= 1)) {
      throw new AppError('bad_request', 'maxOutputTokens must be at least 1');
    }
    const loaded = await this.load();
    const grammar = await grammarFor(loaded.llama, options.responseFormat);
    const { history, warnings } = promptToChatHistory(options.prompt);
    warnings.push(...unsupportedWarnings(options));
    const stream = streamGeneration({ modelId: this.modelId, loaded, history, grammar, options, warnings });
    return { stream };
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { stream } = await this.doStream(options);
    let text = '';
    let warnings: SharedV3Warning[] = [];
    let finish: Extract<LanguageModelV3StreamPart, { type: 'finish' }> | undefined;
    for await (const part of stream) {
      if (part.type === 'stream-start') warnings = part.warnings;
      else if (part.type === 'text-delta') text += part.delta;
      else if (part.type === 'error') throw toAppError(part.error);
      else if (part.type === 'finish') finish = part;
    }
    if (!finish) throw new AppError('internal', 'The local model stream ended without finishing');
    const content: LanguageModelV3Content[] = text ? [{ type: 'text', text }] : [];
    return { content, finishReason: finish.finishReason, usage: finish.usage, warnings };
  }
}
