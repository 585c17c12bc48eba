import type { EmbeddingModelV3, EmbeddingModelV3CallOptions, EmbeddingModelV3Result } from '@ai-sdk/provider';
import { AppError } from '@qiao/core';
import type { LoadedModel } from './loaded-model';
import { cancelled } from './serial-queue';

/**
 * Embeddings from the model's own hidden states (llama.cpp pooling). Each value is its own
 * turn in the model's queue, so a large ingestion batch never holds a chat stream back for
 * more than one text.
 */
export class LocalEmbeddingModel implements EmbeddingModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'local';
  readonly maxEmbeddingsPerCall = 256;
  readonly supportsParallelCalls = true;

  constructor(
    readonly modelId: string,
    private readonly load: () => Promise<LoadedModel>,
  ) {}

  async doEmbed({ values, abortSignal }: EmbeddingModelV3CallOptions): Promise<EmbeddingModelV3Result> {
    if (abortSignal?.aborted) throw cancelled(abortSignal);
    const loaded = await this.load();
    const context = await loaded.embeddingContext();
    const embeddings: number[][] = [];
    let tokens = 0;
    for (const value of values) {
      const input = loaded.model.tokenize(value);
      tokens += input.length;
      const embedding = await loaded.queue
        .run(() => context.getEmbeddingFor(input), abortSignal)
        .catch((error) => {
          if (error instanceof Error && /longer than the usable context/.test(error.message)) {
            throw new AppError(
              'bad_request',
              `An input of ${input.length} tokens is too long for ${this.modelId}`,
            );
          }
          throw error;
        });
      embeddings.push([...embedding.vector]);
    }
    return { embeddings, usage: { tokens }, warnings: [] };
  }
}
