import { AppError, messageText, PiiVault, redactPii } from '@qiao/core';
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

interface ModerationResponse {
  results?: { flagged?: boolean; categories?: Record<string, boolean> }[];
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
): ChatGuard {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/moderations`;
  return {
    name: 'external-moderation',
    async checkInput(messages, ctx) {
      if (!enabled(ctx)) return messages;
      const last = messages.findLast((m) => m.role === 'user');
      // the service is a third party too: it reads placeholders, not the personal data
      const input = last ? redactPii(messageText(last), new PiiVault()).text : '';
      if (!input.trim()) return messages;
      let body: ModerationResponse;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({ input, ...(options.model ? { model: options.model } : {}) }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        body = (await res.json()) as ModerationResponse;
      } catch (error) {
        if (!options.failClosed) return messages;
        throw new AppError('upstream_unavailable', 'The moderation service did not answer', { cause: error });
      }
      const flagged = body.results?.find((r) => r.flagged);
      if (!flagged) return messages;
      const categories = Object.entries(flagged.categories ?? {})
        .filter(([, on]) => on)
        .map(([name]) => name);
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
