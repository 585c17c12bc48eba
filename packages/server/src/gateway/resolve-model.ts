import { AppError } from '@qiao/core';
import type { Config } from '../config';
import type { ModelInfo } from './gateway';
import type { ModelCatalog } from './model-catalog';

/**
 * `provider/model`, an alias (possibly a chain), `a,b,c`, or `default`/empty to the ordered
 * list of models to try. One unknown member fails the whole request: a typo in a chain should
 * be loud, not silently skipped.
 */
export async function resolveModels(
  catalog: ModelCatalog,
  config: Config,
  model: string,
): Promise<ModelInfo[]> {
  const ids = await expand(catalog, config, model.trim(), 0);
  const resolved: ModelInfo[] = [];
  for (const id of ids) {
    const info = await catalog.lookup(id);
    if (!info) throw await unknownModel(catalog, config, id);
    if (!resolved.some((existing) => existing.id === info.id)) resolved.push(info);
  }
  return resolved;
}

async function expand(
  catalog: ModelCatalog,
  config: Config,
  model: string,
  depth: number,
): Promise<string[]> {
  if (depth > 4) throw new AppError('validation_failed', `Model alias '${model}' refers to itself`);
  if (model === '' || model === 'default') {
    if (config.defaultModel && config.defaultModel !== 'default')
      return expand(catalog, config, config.defaultModel, depth + 1);
    const first = (await catalog.list()).find((info) => info.kind === 'chat');
    if (!first) {
      throw new AppError(
        'model_not_found',
        'No model is configured: set a provider API key, QIAO_LOCAL_MODEL or QIAO_DEFAULT_MODEL',
        {
          details: { validModels: [] },
        },
      );
    }
    return [first.id];
  }
  const parts = model
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    // own keys only: a model named `toString` is not an alias
    const alias = Object.hasOwn(config.aliases, part) ? config.aliases[part] : undefined;
    if (alias) for (const target of alias) out.push(...(await expand(catalog, config, target, depth + 1)));
    else out.push(part);
  }
  return out;
}

async function unknownModel(catalog: ModelCatalog, config: Config, id: string): Promise<AppError> {
  const models = await catalog.list().catch(() => []);
  const validModels = [...Object.keys(config.aliases), ...models.map((info) => info.id)];
  return new AppError('model_not_found', `Unknown model '${id}'`, { details: { validModels } });
}
