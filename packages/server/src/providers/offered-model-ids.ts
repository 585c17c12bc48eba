import { fetchModelIds } from './model-discovery';
import type { ProviderConfig } from './provider-config';
import { isBuiltinProvider, providerPresets } from './provider-presets';

/**
 * Every model a provider offers, whatever subset is enabled: asked live from its /models
 * (an explicit list turns discovery off for serving, not for choosing), else its catalog.
 */
export async function offeredModelIds(provider: ProviderConfig): Promise<string[]> {
  const preset =
    provider.preset && isBuiltinProvider(provider.preset) ? providerPresets[provider.preset] : undefined;
  const catalog = (preset?.models ?? provider.catalog).map((model) => model.id);
  if (preset && !preset.hasModelsEndpoint) return catalog;
  try {
    return await fetchModelIds({ ...provider, hasModelsEndpoint: true });
  } catch (error) {
    if (catalog.length > 0) return catalog;
    throw error;
  }
}
