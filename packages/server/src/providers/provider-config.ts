import type { Config } from '../config';
import {
  type CatalogModel,
  isBuiltinProvider,
  type ProviderProtocol,
  type ProviderQuirks,
  providerPresets,
} from './provider-presets';
import type { StoredProvider } from './provider-store';

/** One endpoint the gateway can call, whatever configured it. */
export interface ProviderConfig {
  id: string;
  label: string;
  protocol: ProviderProtocol;
  baseUrl: string;
  apiKey?: string;
  /** discover models from `GET {baseUrl}/models`; otherwise `catalog` is used as-is */
  hasModelsEndpoint: boolean;
  /** known models (static list for providers without discovery, prices and context windows for all) */
  catalog: CatalogModel[];
  /** ids given explicitly (QIAO_PROVIDERS / admin): then the list is exactly these */
  explicitModels: boolean;
  quirks: ProviderQuirks;
  source: 'env' | 'custom' | 'stored';
  preset?: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Env-configured builtins, then QIAO_PROVIDERS, then admin-stored rows (which win by id). */
export function buildProviderConfigs(config: Config, stored: StoredProvider[]): ProviderConfig[] {
  const byId = new Map<string, ProviderConfig>();
  for (const [id, env] of Object.entries(config.providers)) {
    if (!isBuiltinProvider(id) || !env) continue;
    const preset = providerPresets[id];
    byId.set(id, {
      id,
      label: preset.label,
      protocol: preset.protocol,
      baseUrl: trimSlash(env.baseUrl ?? preset.baseUrl),
      apiKey: env.apiKey,
      hasModelsEndpoint: preset.hasModelsEndpoint,
      catalog: preset.models,
      explicitModels: false,
      quirks: preset.quirks,
      source: 'env',
      preset: id,
    });
  }
  for (const custom of config.customProviders) {
    byId.set(custom.id, {
      id: custom.id,
      label: custom.id,
      protocol: custom.kind,
      baseUrl: trimSlash(custom.baseUrl),
      apiKey: custom.apiKey,
      hasModelsEndpoint: !custom.models?.length,
      catalog: (custom.models ?? []).map((id) => ({ id })),
      explicitModels: Boolean(custom.models?.length),
      quirks: { structuredOutputs: true },
      source: 'custom',
    });
  }
  for (const row of stored) {
    if (!row.enabled) {
      byId.delete(row.id);
      continue;
    }
    const preset = row.preset && isBuiltinProvider(row.preset) ? providerPresets[row.preset] : undefined;
    const models = row.models ?? [];
    // a row that only picks models for an env-configured provider keeps the env's URL and key
    const inherited = byId.get(row.id);
    const baseUrl = row.baseUrl ?? inherited?.baseUrl ?? preset?.baseUrl;
    if (!baseUrl) continue;
    byId.set(row.id, {
      id: row.id,
      label: preset?.label ?? inherited?.label ?? row.id,
      protocol: preset?.protocol ?? row.kind,
      baseUrl: trimSlash(baseUrl),
      apiKey: row.hasApiKey ? row.apiKey : inherited?.apiKey,
      hasModelsEndpoint: models.length === 0 && (preset?.hasModelsEndpoint ?? true),
      catalog:
        models.length > 0
          ? models.map((id) => ({ ...preset?.models.find((m) => m.id === id), id }))
          : (preset?.models ?? []),
      explicitModels: models.length > 0,
      quirks: preset?.quirks ?? { structuredOutputs: true },
      source: 'stored',
      preset: preset?.id,
    });
  }
  return [...byId.values()];
}
