import type { Config } from '../config';
import { buildProviderConfigs, type ProviderConfig } from './provider-config';
import { providerPresets } from './provider-presets';
import type { StoredProvider } from './provider-store';

/** A provider as the admin UI shows it: never the key, only whether one is set. */
export interface ProviderView {
  id: string;
  label: string;
  preset?: string;
  protocol: 'openai-compatible' | 'anthropic';
  baseUrl: string;
  /** env = environment, custom = QIAO_PROVIDERS, stored = admin-added, preset = not configured */
  source: ProviderConfig['source'] | 'preset';
  configured: boolean;
  enabled: boolean;
  hasApiKey: boolean;
  hasModelsEndpoint: boolean;
  /** the explicit model list, when one is configured */
  models?: string[];
}

export function providerViews(config: Config, stored: StoredProvider[]): ProviderView[] {
  const active = buildProviderConfigs(config, stored);
  const views = new Map<string, ProviderView>();
  for (const provider of active) {
    views.set(provider.id, {
      id: provider.id,
      label: provider.label,
      ...(provider.preset ? { preset: provider.preset } : {}),
      protocol: provider.protocol,
      baseUrl: provider.baseUrl,
      source: provider.source,
      configured: true,
      enabled: true,
      hasApiKey: Boolean(provider.apiKey),
      hasModelsEndpoint: provider.hasModelsEndpoint,
      ...(provider.explicitModels ? { models: provider.catalog.map((model) => model.id) } : {}),
    });
  }
  for (const row of stored) {
    if (row.enabled || views.has(row.id)) continue;
    views.set(row.id, {
      id: row.id,
      label: row.preset
        ? (providerPresets[row.preset as keyof typeof providerPresets]?.label ?? row.id)
        : row.id,
      ...(row.preset ? { preset: row.preset } : {}),
      protocol: row.kind,
      baseUrl: row.baseUrl ?? '',
      source: 'stored',
      configured: true,
      enabled: false,
      hasApiKey: row.hasApiKey,
      hasModelsEndpoint: !row.models?.length,
      ...(row.models?.length ? { models: row.models } : {}),
    });
  }
  for (const preset of Object.values(providerPresets)) {
    if (views.has(preset.id)) continue;
    views.set(preset.id, {
      id: preset.id,
      label: preset.label,
      preset: preset.id,
      protocol: preset.protocol,
      baseUrl: preset.baseUrl,
      source: 'preset',
      configured: false,
      enabled: false,
      hasApiKey: false,
      hasModelsEndpoint: preset.hasModelsEndpoint,
    });
  }
  return [...views.values()];
}
