import { createAnthropic } from '@ai-sdk/anthropic';
import type { EmbeddingModelV3, LanguageModelV3 } from '@ai-sdk/provider';
import { AppError } from '@qiao/core';
import OpenAI from 'openai';
import { openaiChatModel } from './openai-compatible/openai-chat-model';
import { openaiEmbeddingModel } from './openai-compatible/openai-embedding-model';
import { upstreamFetch } from './openai-compatible/upstream-fetch';
import type { ProviderConfig } from './provider-config';

/** The AI SDK instances for one provider; built once per provider configuration. */
export interface ProviderClient {
  languageModel(modelId: string): LanguageModelV3;
  embeddingModel(modelId: string): EmbeddingModelV3;
}

// SDKs refuse to run without a key; keyless endpoints (Ollama, local vLLM) ignore this one.
const dummyKey = 'qiao-no-key';

export function createProviderClient(provider: ProviderConfig): ProviderClient {
  const apiKey = provider.apiKey || dummyKey;
  if (provider.protocol === 'anthropic') {
    const anthropic = createAnthropic({ baseURL: provider.baseUrl, apiKey, name: provider.id });
    return {
      languageModel: (modelId) => anthropic.languageModel(modelId),
      embeddingModel: () => {
        throw new AppError(
          'bad_request',
          `Provider '${provider.id}' (Anthropic protocol) has no embeddings API`,
          {
            retryable: false,
          },
        );
      },
    };
  }
  const client = new OpenAI({
    baseURL: provider.baseUrl,
    apiKey,
    maxRetries: 0,
    timeout: 24 * 3600_000,
    fetch: upstreamFetch,
  });
  return {
    languageModel: (modelId) =>
      openaiChatModel({ baseUrl: provider.baseUrl, apiKey }, provider.id, modelId, provider.quirks),
    embeddingModel: (modelId) => openaiEmbeddingModel(client, provider.id, modelId),
  };
}
