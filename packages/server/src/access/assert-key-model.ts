import { AppError } from '@qiao/core';
import type { AppDeps } from '../http/app-env';
import { modelAllowed } from './model-allowed';

const agentPrefix = 'agent/';

const refused = (model: string, patterns: readonly string[], via?: string) =>
  new AppError(
    'forbidden',
    via && via !== model
      ? `This API key may not use model "${model}" (reached through "${via}")`
      : `This API key may not use model "${model}"`,
    { details: { models: patterns } },
  );

/**
 * A key with a model allow-list may reach only models on it: every member of a chain (`a,b`),
 * every model behind an alias and the default model are checked as the concrete ids the
 * gateway will call, resolved by the gateway's own resolver, so the check and the call cannot
 * disagree. `agent/<slug>` needs the agent itself on the list; its own model is checked when
 * the agent's model is resolved (chat/resolve-chat-model.ts). Alias names on the list grant
 * nothing by themselves: what an alias points to can change without the key's owner knowing.
 */
export async function assertKeyModel(
  deps: Pick<AppDeps, 'gateway' | 'config'>,
  patterns: readonly string[],
  model: string,
): Promise<void> {
  if (model.startsWith(agentPrefix)) {
    if (!modelAllowed(patterns, model)) throw refused(model, patterns);
    return;
  }
  // named parts first: a disallowed name is a 403, not a 404 listing every model there is
  for (const part of model.split(',').map((p) => p.trim())) {
    if (part === '' || part === 'default' || Object.hasOwn(deps.config.aliases, part)) continue;
    if (!modelAllowed(patterns, part)) throw refused(part, patterns, model);
  }
  const chain = await deps.gateway.resolve(model).catch((error: unknown) => {
    throw AppError.is(error) && error.code === 'model_not_found' ? onlyAllowed(error, patterns) : error;
  });
  for (const info of chain) if (!modelAllowed(patterns, info.id)) throw refused(info.id, patterns, model);
}

/** An unknown-model error lists valid ids: a restricted key sees only the ones it may use. */
function onlyAllowed(error: AppError, patterns: readonly string[]): AppError {
  const valid = error.details?.validModels;
  if (!Array.isArray(valid)) return error;
  const validModels = valid.filter((id) => typeof id === 'string' && modelAllowed(patterns, id));
  return new AppError('model_not_found', error.message, { details: { validModels } });
}
