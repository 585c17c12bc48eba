import { AppError } from '@qiao/core';
import { assertKeyModel } from '../access/assert-key-model';
import { currentCaller } from '../auth/request-caller';
import type { AppDeps } from '../http/app-env';

/**
 * The model a chat turn uses: the one asked for, else the conversation's, else the
 * configured default, else the first chat model available. Unknown ids fail here with
 * 404 model_not_found (listing the valid ids) before any stream opens. Every chat model a
 * REST turn, an agent (on /v1 too) or a draft uses is chosen here, so an API key's model
 * allow-list is enforced here as well (403).
 */
export async function resolveChatModel(
  deps: AppDeps,
  ...candidates: (string | null | undefined)[]
): Promise<string> {
  let model = [...candidates, deps.config.defaultModel].find(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  if (model === undefined) {
    model = (await deps.gateway.listModels()).find((info) => info.kind === 'chat')?.id;
    if (model === undefined)
      throw new AppError('bad_request', 'No chat model is configured: add a provider first');
  }
  const allowed = currentCaller()?.keyPolicy?.models;
  if (allowed) await assertKeyModel(deps, allowed, model);
  await deps.gateway.resolve(model);
  return model;
}
