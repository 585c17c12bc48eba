import { AppError, type ChatMessage, defaultSafetyPolicy, PiiVault } from '@qiao/core';
import type { Gateway } from '../gateway/gateway';
import { redactChatRequest } from '../gateway/redact-chat-request';
import type { ChatGuard } from './chat-guard';
import { localModelFor } from './local-model-for';
import type { RecordSafetyEvent } from './safety-events';

const blockMessage =
  '此智能体不向云端模型发送个人信息，请删除后重试。This agent does not send personal data to cloud models: remove it and try again.';

/**
 * An agent's choice for personal data and cloud models, beyond the default. `redact` (the
 * default) needs nothing here: the gateway replaces personal data with placeholders on every
 * call to a model that is not local and restores them in the answer. `local` reroutes a
 * request that holds any to a local model; `block` refuses a user message that holds any.
 */
export function createPiiGuard(
  gateway: Pick<Gateway, 'resolve'> & Partial<Pick<Gateway, 'listModels'>>,
  record: RecordSafetyEvent,
): ChatGuard {
  const isLocalOnly = async (model: string) => {
    try {
      const models = await gateway.resolve(model);
      return models.length > 0 && models.every((m) => m.local || m.provider === 'local');
    } catch {
      return false; // the gateway reports unknown models itself
    }
  };

  return {
    name: 'pii',

    async checkInput(messages, ctx) {
      const policy = ctx.policy ?? defaultSafetyPolicy;
      if (policy.pii === 'redact' || (await isLocalOnly(ctx.model))) return messages;
      // what the gateway would redact: the same search, over parts and messages
      const { hits } = redactChatRequest({ model: ctx.model, messages, source: ctx.source }, new PiiVault());
      if (hits.length === 0) return messages;
      const counts: Record<string, number> = {};
      for (const hit of hits) counts[hit.type] = (counts[hit.type] ?? 0) + 1;
      if (policy.pii === 'local') {
        ctx.model = await localModelFor(gateway, policy.localModel);
        record(
          { kind: 'pii', direction: 'input', action: 'local', detail: { counts, routedTo: ctx.model } },
          ctx,
        );
        return messages;
      }
      // block what the user typed; personal data in a persona or a retrieved passage is redacted
      const userTypes = userPiiTypes(messages);
      if (userTypes.length === 0) return messages;
      record({ kind: 'pii', direction: 'input', action: 'block', detail: { counts } }, ctx);
      throw new AppError('content_blocked', blockMessage, {
        details: { reason: 'personal_data', types: userTypes },
      });
    },
  };
}

function userPiiTypes(messages: ChatMessage[]): string[] {
  const user = messages.filter((m) => m.role === 'user');
  const { hits } = redactChatRequest({ model: '', messages: user, source: 'chat' }, new PiiVault());
  return [...new Set(hits.map((hit) => hit.type))];
}
