import { AppError } from '@qiao/core';
import type { Gateway } from '../gateway/gateway';

/**
 * The local model that takes requests holding personal data under the `local` PII policy: the
 * one the policy names, or the first local chat model installed. None is a clear 503, not a
 * silent fallback to the cloud.
 */
export async function localModelFor(
  gateway: Partial<Pick<Gateway, 'listModels'>>,
  wanted?: string,
): Promise<string> {
  const local = ((await gateway.listModels?.()) ?? []).filter(
    (m) => m.kind === 'chat' && (m.local || m.provider === 'local'),
  );
  const model = wanted ? local.find((m) => m.id === wanted) : local[0];
  if (model) return model.id;
  throw new AppError(
    'upstream_unavailable',
    wanted
      ? `This agent sends requests with personal data to the local model "${wanted}", which is not installed`
      : 'This agent sends requests with personal data to a local model, and none is installed (`qiao models pull`, or QIAO_LOCAL_MODEL)',
    { details: { reason: 'no_local_model' } },
  );
}
