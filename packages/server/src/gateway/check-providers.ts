import { toAppError } from '@qiao/core';
import { fetchModelIds } from '../providers/model-discovery';
import type { Gateway, ProviderCheck } from './gateway';
import type { ModelCatalog, ProviderEntry } from './model-catalog';
import { streamAttempt } from './stream-attempt';

/**
 * Providers with /models are asked for their list (free); the others get a one-token chat
 * with their first catalog model, the cheapest call that proves the key works.
 */
export async function checkProviderEntries(catalog: ModelCatalog, ids?: string[]): Promise<ProviderCheck[]> {
  const entries = [...(await catalog.entries()).values()].filter(
    (entry) => !ids || ids.includes(entry.config.id),
  );
  return Promise.all(entries.map((entry) => checkOne(catalog, entry)));
}

async function checkOne(catalog: ModelCatalog, entry: ProviderEntry): Promise<ProviderCheck> {
  const { config } = entry;
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    if (config.hasModelsEndpoint) {
      const ids = await fetchModelIds(config, 10_000);
      entry.discovered = ids;
      entry.discoveredAt = Date.now();
      entry.error = undefined;
      return { provider: config.id, ok: true, latencyMs: latency(), models: ids.length };
    }
    const first = config.catalog.find((model) => model.kind !== 'embedding');
    if (!first) return { provider: config.id, ok: true, latencyMs: 0, models: 0 };
    const info = await catalog.lookup(`${config.id}/${first.id}`);
    if (!info) throw new Error(`${first.id} is not available`);
    const attempt = streamAttempt(
      await catalog.languageModel(info),
      { prompt: [{ role: 'user', content: [{ type: 'text', text: 'ping' }] }], maxOutputTokens: 1 },
      {
        info,
        apiKey: config.apiKey,
        firstTokenTimeoutMs: 15_000,
        deadline: performance.now() + 20_000,
        requestStarted: performance.now(),
        start: { type: 'start', model: info.id, requestId: 'check' },
      },
    );
    let step = await attempt.next();
    while (!step.done) step = await attempt.next();
    if (step.value.error) throw step.value.error;
    return { provider: config.id, ok: true, latencyMs: latency(), models: config.catalog.length };
  } catch (error) {
    return { provider: config.id, ok: false, latencyMs: latency(), error: toAppError(error).message };
  }
}

/** For `qiao doctor`: every configured provider with ok/error/latency. */
export async function checkProviders(gateway: Gateway): Promise<ProviderCheck[]> {
  return gateway.checkProviders ? gateway.checkProviders() : [];
}
