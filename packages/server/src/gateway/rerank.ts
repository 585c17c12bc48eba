import { AppError, PiiVault } from '@qiao/core';
import type { Config } from '../config';
import type { RerankRequest } from './gateway';
import type { ModelCatalog } from './model-catalog';
import { type RecordRedaction, redactTexts } from './outbound-pii';
import { bearer, upstreamCall } from './upstream-call';

interface RerankReply {
  results?: { index: number; relevance_score: number }[];
}

/**
 * Relevance of each document to the query from a provider's `/rerank` endpoint (the
 * Jina / Cohere / SiliconFlow / Xinference shape), in input order. The query and the passages
 * share one set of placeholders, so a phone number in both still matches.
 */
export async function rerankTexts(
  deps: { config: Config; catalog: ModelCatalog; recordRedaction: RecordRedaction },
  request: RerankRequest,
): Promise<number[]> {
  const { model, documents } = request;
  const slash = model.indexOf('/');
  const entry = slash > 0 ? await deps.catalog.provider(model.slice(0, slash)) : undefined;
  if (!entry) throw new AppError('model_not_found', `Unknown rerank model "${model}"`);
  const provider = entry.config;
  const redacted = redactTexts([request.query, ...documents], new PiiVault());
  deps.recordRedaction('rerank', redacted.hits, request);
  const [query, ...sent] = redacted.texts;
  const response = await upstreamCall(`${provider.baseUrl}/rerank`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(provider.apiKey) },
    body: JSON.stringify({
      model: model.slice(slash + 1),
      query,
      documents: sent,
      top_n: documents.length,
      return_documents: false,
    }),
    signal: request.signal,
    timeoutMs: deps.config.requestTimeoutMs,
    what: `${model} (rerank)`,
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new AppError('upstream_error', `${model} answered ${response.status} to /rerank`);
  }
  const reply = (await response.json().catch(() => ({}))) as RerankReply;
  if (!Array.isArray(reply.results)) throw new AppError('upstream_error', `${model} sent no rerank results`);
  const scores = documents.map(() => 0);
  for (const result of reply.results) {
    if (result.index >= 0 && result.index < scores.length)
      scores[result.index] = Number(result.relevance_score) || 0;
  }
  return scores;
}
