import {
  AppError,
  type ChatMessage,
  type ChatStreamPart,
  defaultSafetyPolicy,
  detectPii,
  messageText,
  type PiiHit,
  PiiVault,
  PlaceholderRestorer,
  redactPii,
} from '@qiao/core';
import type { Gateway } from '../gateway/gateway';
import type { ChatGuard, GuardContext } from './chat-guard';
import { localModelFor } from './local-model-for';
import type { RecordSafetyEvent } from './safety-events';

const blockMessage =
  '此智能体不向云端模型发送个人信息，请删除后重试。This agent does not send personal data to cloud models: remove it and try again.';

/**
 * Personal data and cloud models, by the agent's policy (redact by default): `redact` replaces
 * it in every message by placeholders (`[PHONE_1]`) before the request leaves and puts the
 * placeholders in the answer back as it streams; `local` reroutes a request that holds any to
 * a local model; `block` refuses a user message that holds any. A request whose models are all
 * local sees the original text.
 */
export function createPiiGuard(
  gateway: Pick<Gateway, 'resolve'> & Partial<Pick<Gateway, 'listModels'>>,
  record: RecordSafetyEvent,
): ChatGuard {
  const vaults = new WeakMap<GuardContext, PiiVault>();

  const isLocalOnly = async (model: string) => {
    try {
      const models = await gateway.resolve(model);
      return models.length > 0 && models.every((m) => m.local || m.provider === 'local');
    } catch {
      return false; // the gateway reports unknown models itself; redacting costs nothing here
    }
  };

  return {
    name: 'pii',

    async checkInput(messages, ctx) {
      if (await isLocalOnly(ctx.model)) return messages;
      const vault = new PiiVault();
      const hits: PiiHit[] = [];
      const redact = (text: string) => {
        const result = redactPii(text, vault);
        hits.push(...result.hits);
        return result.text;
      };
      const redacted = messages.map((m) => redactMessage(m, redact));
      if (vault.size === 0) return messages;
      const counts: Record<string, number> = {};
      for (const hit of hits) counts[hit.type] = (counts[hit.type] ?? 0) + 1;
      const policy = ctx.policy ?? defaultSafetyPolicy;
      if (policy.pii === 'local') {
        ctx.model = await localModelFor(gateway, policy.localModel);
        record(
          { kind: 'pii', direction: 'input', action: 'local', detail: { counts, routedTo: ctx.model } },
          ctx,
        );
        return messages;
      }
      // block what the user typed; personal data in a persona or a retrieved passage is redacted
      const userTypes = policy.pii === 'block' ? userPiiTypes(messages) : [];
      if (userTypes.length > 0) {
        record({ kind: 'pii', direction: 'input', action: 'block', detail: { counts } }, ctx);
        throw new AppError('content_blocked', blockMessage, {
          details: { reason: 'personal_data', types: userTypes },
        });
      }
      vaults.set(ctx, vault);
      record({ kind: 'pii', direction: 'input', action: 'redact', detail: { counts } }, ctx);
      return redacted;
    },

    transformOutput(stream, ctx) {
      const vault = vaults.get(ctx);
      return vault ? restoreStream(stream, vault) : stream;
    },
  };
}

function userPiiTypes(messages: ChatMessage[]): string[] {
  const types = new Set<string>();
  for (const message of messages) {
    if (message.role !== 'user') continue;
    for (const hit of detectPii(messageText(message))) types.add(hit.type);
  }
  return [...types];
}

function redactMessage(message: ChatMessage, redact: (text: string) => string): ChatMessage {
  const content =
    typeof message.content === 'string'
      ? redact(message.content)
      : message.content.map((part) => (part.type === 'text' ? { ...part, text: redact(part.text) } : part));
  const toolCalls = message.toolCalls?.map((call) => ({ ...call, arguments: redact(call.arguments) }));
  return { ...message, content, ...(toolCalls ? { toolCalls } : {}) };
}

async function* restoreStream(
  stream: AsyncIterable<ChatStreamPart>,
  vault: PiiVault,
): AsyncIterable<ChatStreamPart> {
  const text = new PlaceholderRestorer(vault);
  const reasoning = new PlaceholderRestorer(vault);
  const toolArgs = new Map<number, PlaceholderRestorer>();
  const flush = function* (): Iterable<ChatStreamPart> {
    const restText = text.end();
    if (restText) yield { type: 'text-delta', text: restText };
    const restReasoning = reasoning.end();
    if (restReasoning) yield { type: 'reasoning-delta', text: restReasoning };
  };
  for await (const part of stream) {
    switch (part.type) {
      case 'text-delta': {
        const out = text.write(part.text);
        if (out) yield { ...part, text: out };
        break;
      }
      case 'reasoning-delta': {
        const out = reasoning.write(part.text);
        if (out) yield { ...part, text: out };
        break;
      }
      case 'tool-call-delta': {
        const restorer = toolArgs.get(part.index) ?? new PlaceholderRestorer(vault);
        toolArgs.set(part.index, restorer);
        yield { ...part, argumentsDelta: restorer.write(part.argumentsDelta) };
        break;
      }
      case 'tool-call': {
        const rest = toolArgs.get(part.index)?.end();
        if (rest)
          yield {
            type: 'tool-call-delta',
            index: part.index,
            id: part.id,
            name: part.name,
            argumentsDelta: rest,
          };
        yield* flush();
        yield { ...part, arguments: vault.restore(part.arguments) };
        break;
      }
      case 'usage':
      case 'finish':
      case 'error':
        yield* flush();
        yield part;
        break;
      default:
        yield part;
    }
  }
  yield* flush();
}
