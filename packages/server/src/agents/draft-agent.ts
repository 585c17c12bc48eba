import { type AgentSpec, AppError, agentSpec, type DraftAgentBody } from '@qiao/core';
import { resolveChatModel } from '../chat/resolve-chat-model';
import { runsLocally } from '../gateway/runs-locally';
import type { AppDeps, AuthContext } from '../http/app-env';
import { openGuardedStream } from '../safety/guarded-stream';
import { clipText, draftSchema, draftShape, localBounds, localDraftMaxTokens } from './draft-schema';

const boundsNote =
  'Keep it short: name under 40 characters, description under 200, persona under 1,200, welcome under 300, each suggestion under 80.';

const instructions = (lang: 'zh-CN' | 'en', bounded: boolean) =>
  [
    'You design AI assistants ("agents") from a one-sentence idea.',
    'Write a complete, specific persona (system prompt) of 80–250 words: who the assistant is, whom it serves, how it talks, what it does step by step, and what it must not do.',
    'The welcome message greets the user and says what the agent can do. Give 3 to 5 suggested first questions a user would really ask.',
    `Write every field in ${lang === 'en' ? 'English' : 'Simplified Chinese'}. Reply with the JSON object only.`,
    ...(bounded ? [boundsNote] : []),
  ].join('\n');

const draftTimeoutMs = 60_000;

/**
 * One sentence → an agent draft, with one structured (JSON-schema) call: cloud models get it
 * as response_format, the local runtime as a grammar. The draft is returned for editing, not saved.
 */
export async function draftAgent(deps: AppDeps, auth: AuthContext, body: DraftAgentBody): Promise<AgentSpec> {
  const model = await resolveChatModel(deps, body.model);
  const lang = body.lang ?? (/[\u4e00-\u9fff]/.test(body.idea) ? 'zh-CN' : 'en');
  const bounded = await runsLocally(deps.gateway, model);
  let text = '';
  const stream = await openGuardedStream(deps.gateway, deps.guards, {
    model,
    messages: [
      { role: 'system', content: instructions(lang, bounded) },
      { role: 'user', content: body.idea },
    ],
    responseFormat: {
      type: 'json_schema',
      name: 'agent_draft',
      schema: draftSchema(bounded),
      strict: true,
    },
    temperature: 0.7,
    maxTokens: bounded ? localDraftMaxTokens : 2_000,
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
  // A blank name is what a small model may write; the idea itself is a fair stand-in.
  const name = draft.data.name || Array.from(body.idea).slice(0, 30).join('');
  // The grammar bounds what the model wrote, but bytes it left unpaired decode to extra
  // replacement characters: hold a local draft to the bound it was asked for.
  const persona = bounded ? clipText(draft.data.persona, localBounds.persona.maxLength) : draft.data.persona;
  return agentSpec.parse({ ...draft.data, name, avatar, persona, visibility: 'private' });
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
