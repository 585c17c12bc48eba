import { AppError } from '@qiao/core';
import type { Config } from '../config';
import type { Db } from '../db';
import { buildProviderConfigs } from '../providers/provider-config';
import { listStoredProviders } from '../providers/provider-store';

interface RerankReply {
  results?: { index: number; relevance_score: number }[];
}

/**
 * Relevance of each document to the query from a provider's `/rerank` endpoint (the
 * Jina / Cohere / SiliconFlow / Xinference shape), in input order; `model` is `provider/model`.
 */
export async function rerank(
  deps: { config: Config; db: Db },
  model: string,
  query: string,
  documents: readonly string[],
  signal?: AbortSignal,
): Promise<number[]> {
  const slash = model.indexOf('/');
  const providerId = model.slice(0, slash);
  const providerModel = model.slice(slash + 1);
  const providers = buildProviderConfigs(deps.config, await listStoredProviders(deps.db, deps.config.secret));
  const provider = providers.find((p) => p.id === providerId);
  if (slash < 1 || !provider) throw new AppError('model_not_found', `Unknown rerank model "${model}"`);
  const timeout = AbortSignal.timeout(deps.config.requestTimeoutMs);
  let response: Response;
  try {
    response = await fetch(`${provider.baseUrl}/rerank`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(provider.apiKey ? { authorization: `Bearer ${provider.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: providerModel,
        query,
        documents,
        top_n: documents.length,
        return_documents: false,
      }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    throw new AppError('upstream_unavailable', `${model} could not be reached for reranking`, {
      cause: error,
    });
  }
  if (!response.ok) throw new AppError('upstream_error', `${model} answered ${response.status} to /rerank`);
  const reply = (await response.json().catch(() => ({}))) as RerankReply;
  if (!Array.isArray(reply.results)) throw new AppError('upstream_error', `${model} sent no rerank results`);
  const scores = documents.map(() => 0);
  for (const result of reply.results) {
    if (result.index >= 0 && result.index < scores.length)
      scores[result.index] = Number(result.relevance_score) || 0;
  }
  return scores;
}
