import type { Config } from '../config';
import type { Database } from '../db';
import type { Gateway } from '../gateway/gateway';
import type { ChatGuard } from './chat-guard';
import { createExternalModerationGuard } from './external-moderation-guard';
import { createInjectionGuard } from './injection-guard';
import { createModerationGuard } from './moderation-guard';
import { moderationLexiconFor } from './moderation-lexicon';
import { createPiiGuard } from './pii-guard';
import { safetyEventRecorder } from './safety-events';

/**
 * The guards every server runs, in onion order: moderation (the lexicons, then the external
 * service when configured) sees the caller's own words first and the final answer last; the
 * PII guard only decides the policies that reroute or refuse (`local`, `block`), since the
 * gateway redacts for every cloud model itself; the injection guard is innermost, next to the
 * model, so it watches the raw answer for a leaked canary.
 */
export function defaultGuards(
  database: Database,
  gateway: Gateway,
  config?: Pick<Config, 'moderation'>,
): ChatGuard[] {
  const record = safetyEventRecorder(database.db);
  // the external service is asked only for agents whose policy turns it on
  const external = config?.moderation
    ? [
        createExternalModerationGuard(
          config.moderation,
          record,
          (ctx) => ctx.policy?.externalModeration === true,
          (request) => gateway.moderate(request),
        ),
      ]
    : [];
  return [
    createModerationGuard(moderationLexiconFor(database.db), record),
    ...external,
    createPiiGuard(gateway, record),
    createInjectionGuard(record),
  ];
}
