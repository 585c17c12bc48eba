import { AppError } from '@qiao/core';
import type { AppDeps } from '../http/app-env';

/**
 * The model a chat turn uses: the one asked for, else the conversation's, else the
 * configured default, else the first chat model available. Unknown ids fail here with
 * 404 model_not_found (listing the valid ids) before any stream opens.
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
  await deps.gateway.resolve(model);
  return model;
}
