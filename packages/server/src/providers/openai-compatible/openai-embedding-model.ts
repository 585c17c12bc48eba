import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import type OpenAI from 'openai';

export function openaiEmbeddingModel(client: OpenAI, providerId: string, modelId: string): EmbeddingModelV3 {
  return {
    specificationVersion: 'v3',
    provider: providerId,
    modelId,
    // DashScope caps a call at 10 inputs; the gateway batches to this size
    maxEmbeddingsPerCall: 10,
    supportsParallelCalls: true,
    async doEmbed({ values, abortSignal, providerOptions }) {
      const dimensions = providerOptions?.[providerId]?.dimensions;
      const response = await client.embeddings.create(
        {
          model: modelId,
          input: values,
          encoding_format: 'float',
          ...(typeof dimensions === 'number' ? { dimensions } : {}),
        },
        { signal: abortSignal },
      );
      const embeddings = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      return { embeddings, usage: { tokens: response.usage?.prompt_tokens ?? 0 }, warnings: [] };
    },
  };
}
