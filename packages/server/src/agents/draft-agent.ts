import { type AgentSpec, AppError, agentCategories, agentSpec, type DraftAgentBody } from '@qiao/core';
import { z } from 'zod';
import { resolveChatModel } from '../chat/resolve-chat-model';
import type { AppDeps, AuthContext } from '../http/app-env';
import { openGuardedStream } from '../safety/guarded-stream';

/** What the model fills in; the rest of the spec keeps its defaults until the user edits it. */
const draftShape = z.object({
  name: z.string().min(1).max(60),
  avatar: z.string().max(16).optional(),
  description: z.string().max(500),
  category: z.enum(agentCategories).catch('other'),
  persona: z.string().min(20).max(20_000),
  welcome: z.string().min(1).max(2_000),
  suggestions: z.array(z.string().min(1).max(200)).min(3).max(5),
});

/** JSON Schema of draftShape, written out so cloud models and the local grammar get the same. */
const draftSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'avatar', 'description', 'category', 'persona', 'welcome', 'suggestions'],
  properties: {
    name: { type: 'string', description: 'short display name' },
    avatar: { type: 'string', description: 'one emoji' },
    description: { type: 'string', description: 'one sentence: what it helps with' },
    category: { type: 'string', enum: [...agentCategories] },
    persona: { type: 'string', description: 'the system prompt: role, style, rules, limits' },
    welcome: { type: 'string', description: 'the first message a user sees' },
    suggestions: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 5 },
  },
} as const;

const instructions = (lang: 'zh-CN' | 'en') =>
  [
    'You design AI assistants ("agents") from a one-sentence idea.',
    'Write a complete, specific persona (system prompt) of 80–250 words: who the assistant is, whom it serves, how it talks, what it does step by step, and what it must not do.',
    'The welcome message greets the user and says what the agent can do. Give 3 to 5 suggested first questions a user would really ask.',
    `Write every field in ${lang === 'en' ? 'English' : 'Simplified Chinese'}. Reply with the JSON object only.`,
  ].join('\n');

const draftTimeoutMs = 60_000;

/**
 * One sentence → an agent draft, with one structured (JSON-schema) call: cloud models get it
 * as response_format, the local runtime as a grammar. The draft is returned for editing, not saved.
 */
export async function draftAgent(deps: AppDeps, auth: AuthContext, body: DraftAgentBody): Promise<AgentSpec> {
  const model = await resolveChatModel(deps, body.model);
  const lang = body.lang ?? (/[\u4e00-\u9fff]/.test(body.idea) ? 'zh-CN' : 'en');
  let text = '';
  const stream = await openGuardedStream(deps.gateway, deps.guards, {
    model,
    messages: [
      { role: 'system', content: instructions(lang) },
      { role: 'user', content: body.idea },
    ],
    responseFormat: { type: 'json_schema', name: 'agent_draft', schema: draftSchema, strict: true },
    temperature: 0.7,
    maxTokens: 2_000,
    source: 'system',
    userId: auth.userId,
    signal: AbortSignal.timeout(draftTimeoutMs),
  });
  for await (const part of stream) {
    if (part.type === 'text-delta') text += part.text;
    if (part.type === 'error') throw new AppError(part.error.code, part.error.message);
  }
  const draft = draftShape.safeParse(parseJson(text));
  if (!draft.success) {
    throw new AppError(
      'upstream_error',
      `${model} did not return a usable agent draft; try again or pick another model`,
    );
  }
  const avatar = draft.data.avatar && Array.from(draft.data.avatar).length <= 4 ? draft.data.avatar : '🤖';
  return agentSpec.parse({ ...draft.data, avatar, visibility: 'private' });
}

/** The JSON object in a reply, tolerating a code fence some models add anyway. */
function parseJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}
