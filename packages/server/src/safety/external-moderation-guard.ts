import { AppError, messageText } from '@qiao/core';
import type { Gateway, ModerationVerdict } from '../gateway/gateway';
import { moderateText } from '../gateway/moderate';
import type { ChatGuard, GuardContext } from './chat-guard';
import { defaultBlockMessage } from './default-lexicon';
import type { RecordSafetyEvent } from './safety-events';

export interface ExternalModerationOptions {
  /** an OpenAI-compatible base URL (…/v1); `/moderations` is appended */
  baseUrl: string;
  apiKey?: string;
  model?: string;
  timeoutMs?: number;
  /** when the service fails or times out: pass (default) or refuse the request */
  failClosed?: boolean;
  message?: string;
}

/**
 * Asks an OpenAI-compatible `/moderations` endpoint about the user's latest message, on top of
 * the lexicons. Installed when QIAO_MODERATION_URL is set, for the agents whose policy turns it on.
 */
export function createExternalModerationGuard(
  options: ExternalModerationOptions,
  record: RecordSafetyEvent,
  /** asked per call; the guard passes when it answers false (an agent's policy turns it on) */
  enabled: (ctx: GuardContext) => boolean = () => true,
  /** the gateway's call (defaultGuards passes it, with its redaction events) */
  moderate: Gateway['moderate'] = (request) => moderateText({ recordRedaction: () => {} }, request),
): ChatGuard {
  return {
    name: 'external-moderation',
    async checkInput(messages, ctx) {
      if (!enabled(ctx)) return messages;
      const last = messages.findLast((m) => m.role === 'user');
      const input = last ? messageText(last) : '';
      if (!input.trim()) return messages;
      let verdict: ModerationVerdict;
      try {
        // through the gateway: personal data leaves as placeholders, as on every outbound call
        verdict = await moderate({
          service: options,
          input,
          source: ctx.source,
          userId: ctx.userId,
          apiKeyId: ctx.apiKeyId,
          signal: ctx.signal,
        });
      } catch (error) {
        if (!options.failClosed) return messages;
        throw new AppError('upstream_unavailable', 'The moderation service did not answer', { cause: error });
      }
      if (!verdict.flagged) return messages;
      const { categories } = verdict;
      record(
        {
          kind: 'moderation',
          direction: 'input',
          category: 'external',
          action: 'block',
          detail: { categories },
        },
        ctx,
      );
      throw new AppError('content_blocked', options.message ?? defaultBlockMessage, {
        details: { category: 'external', categories },
      });
    },
  };
}
