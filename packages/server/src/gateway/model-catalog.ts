import type { EmbeddingModelV3, LanguageModelV3 } from '@ai-sdk/provider';
import { AppError } from '@qiao/core';
import type { Config } from '../config';
import type { Database } from '../db';
import { listLocalModels } from '../local/list-local-models';
import type { LocalRuntime } from '../local/local-runtime';
import { fetchModelIds } from '../providers/model-discovery';
import { createProviderClient, type ProviderClient } from '../providers/provider-client';
import { buildProviderConfigs, type ProviderConfig } from '../providers/provider-config';
import { findCatalogModel } from '../providers/provider-presets';
import { listStoredProviders } from '../providers/provider-store';
import type { ModelInfo } from './gateway';

const discoveryTtlMs = 5 * 60_000;
const failedDiscoveryTtlMs = 30_000;

/** A configured provider with its lazily built SDK client and cached model list. */
export interface ProviderEntry {
  config: ProviderConfig;
  client?: ProviderClient;
  /** discovered ids, undefined when never fetched or failed */
  discovered?: string[];
  discoveredAt: number;
  discovery?: Promise<void>;
  /** the last discovery failure, for `doctor` */
  error?: string;
  latencyMs?: number;
}

/**
 * Who serves which model. Provider configs and model lists are cached (discovery at most every
 * five minutes per provider, one fetch shared by concurrent callers) so the hot path never
 * waits on discovery after the first request.
 */
export class ModelCatalog {
  #entries: Promise<Map<string, ProviderEntry>> | undefined;
  #local: { models: { id: string; path: string }[]; at: number } | undefined;
  #runtime: Promise<LocalRuntime> | undefined;

  constructor(
    private readonly config: Config,
    private readonly database: Database,
  ) {}

  entries(): Promise<Map<string, ProviderEntry>> {
    this.#entries ??= this.loadEntries().catch((error: unknown) => {
      this.#entries = undefined;
      throw error;
    });
    return this.#entries;
  }

  /** Re-reads stored providers (after an admin change) and forgets discovered lists. */
  reload(): void {
    this.#entries = undefined;
    this.#local = undefined;
  }

  async list(refresh = false): Promise<ModelInfo[]> {
    const entries = [...(await this.entries()).values()];
    const lists = await Promise.all(entries.map((entry) => this.modelIds(entry, refresh)));
    const models = entries.flatMap((entry, i) => (lists[i] ?? []).map((id) => this.info(entry.config, id)));
    for (const local of this.localModels(refresh)) models.push(localInfo(local.id));
    return models;
  }

  /** `provider/model` to its ModelInfo, or undefined when the id is not served. */
  async lookup(id: string): Promise<ModelInfo | undefined> {
    const slash = id.indexOf('/');
    if (slash <= 0 || slash === id.length - 1) return undefined;
    const providerId = id.slice(0, slash);
    const modelId = id.slice(slash + 1);
    if (providerId === 'local')
      return this.localModels(false).some((m) => m.id === id) ? localInfo(id) : undefined;
    const entry = (await this.entries()).get(providerId);
    if (!entry) return undefined;
    const known = await this.modelIds(entry, false);
    // without a list (no /models, or discovery failed) any id is passed on: the vendor decides
    if (known && (entry.config.explicitModels || entry.discovered) && !known.includes(modelId))
      return undefined;
    return this.info(entry.config, modelId);
  }

  async provider(id: string): Promise<ProviderEntry | undefined> {
    return (await this.entries()).get(id);
  }

  async languageModel(info: ModelInfo): Promise<LanguageModelV3> {
    if (info.local) return (await this.runtime()).languageModel(info.id);
    return this.client(info.provider).then((client) => client.languageModel(info.providerModel));
  }

  async embeddingModel(info: ModelInfo): Promise<EmbeddingModelV3> {
    if (info.local) return (await this.runtime()).embeddingModel(info.id);
    return this.client(info.provider).then((client) => client.embeddingModel(info.providerModel));
  }

  /** Ids from /models (cached), or the static catalog for providers without discovery. */
  async modelIds(entry: ProviderEntry, refresh: boolean): Promise<string[]> {
    const { config } = entry;
    if (!config.hasModelsEndpoint) return config.catalog.map((model) => model.id);
    const age = Date.now() - entry.discoveredAt;
    const stale = refresh || age > (entry.discovered ? discoveryTtlMs : failedDiscoveryTtlMs);
    if (stale && !entry.discovery) {
      const started = performance.now();
      entry.discovery = fetchModelIds(config)
        .then(
          (ids) => {
            entry.discovered = ids;
            entry.error = undefined;
          },
          (error: unknown) => {
            entry.discovered = undefined;
            entry.error = error instanceof Error ? error.message : String(error);
          },
        )
        .finally(() => {
          entry.discoveredAt = Date.now();
          entry.latencyMs = Math.round(performance.now() - started);
          entry.discovery = undefined;
        });
    }
    if (entry.discovery) await entry.discovery;
    return entry.discovered ?? config.catalog.map((model) => model.id);
  }

  async close(): Promise<void> {
    const runtime = this.#runtime;
    this.#runtime = undefined;
    if (runtime) await (await runtime).close();
  }

  private info(provider: ProviderConfig, modelId: string): ModelInfo {
    const known = findCatalogModel(provider.catalog, modelId);
    return {
      id: `${provider.id}/${modelId}`,
      provider: provider.id,
      providerModel: modelId,
      kind: known?.kind ?? (/embed|bge-|m3e|e5-/i.test(modelId) ? 'embedding' : 'chat'),
      ...(known?.contextWindow ? { contextWindow: known.contextWindow } : {}),
      ...(known?.pricing ? { pricing: known.pricing } : {}),
      ...(known?.supportsTools !== undefined ? { supportsTools: known.supportsTools } : {}),
      ...(known?.supportsVision !== undefined ? { supportsVision: known.supportsVision } : {}),
    };
  }

  private async client(providerId: string): Promise<ProviderClient> {
    const entry = (await this.entries()).get(providerId);
    if (!entry) throw new AppError('model_not_found', `Provider '${providerId}' is not configured`);
    entry.client ??= createProviderClient(entry.config);
    return entry.client;
  }

  private localModels(refresh: boolean): { id: string; path: string }[] {
    if (refresh || !this.#local || Date.now() - this.#local.at > discoveryTtlMs) {
      this.#local = { models: listLocalModels(this.config), at: Date.now() };
    }
    return this.#local.models;
  }

  /** node-llama-cpp is heavy: loaded only when a local model is actually used. */
  private runtime(): Promise<LocalRuntime> {
    this.#runtime ??= import('../local/local-runtime').then(
      ({ LocalRuntime }) => new LocalRuntime(this.config),
    );
    return this.#runtime;
  }

  private async loadEntries(): Promise<Map<string, ProviderEntry>> {
    const stored = await listStoredProviders(this.database.db, this.config.secret);
    const entries = new Map<string, ProviderEntry>();
    for (const config of buildProviderConfigs(this.config, stored))
      entries.set(config.id, { config, discoveredAt: 0 });
    return entries;
  }
}

function localInfo(id: string): ModelInfo {
  return {
    id,
    provider: 'local',
    providerModel: id.slice('local/'.length),
    kind: 'chat',
    local: true,
    supportsTools: false,
  };
}
