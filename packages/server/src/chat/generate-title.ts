import type { AppDeps } from '../http/app-env';
import { openGuardedStream } from '../safety/guarded-stream';
import { titleFromMessage } from './conversation-title';

/** A title call must not hold the turn's `done` back for long. */
const titleTimeoutMs = 8_000;
const maxTitleChars = 30;
const maxExcerptChars = 1_000;

const instructions =
  'You name conversations. Reply with only a short title for the conversation below: at most ' +
  '8 words, or 16 Chinese characters, in the language of the user. No quotes, no final punctuation.';

/** Asked last, after the exchange, so the exchange reads as material and this as the request. */
const request = 'Write the title of the conversation above. Reply with the title only, nothing else.';

export interface TitleInput {
  model: string;
  question: string;
  answer: string;
  userId: string;
}

/**
 * A short title written by the conversation's model from the first exchange. Anything going
 * wrong (error, timeout, a rambling reply) falls back to the start of the question: a title
 * never fails a turn.
 */
export async function generateTitle(deps: AppDeps, input: TitleInput): Promise<string> {
  const fallback = titleFromMessage(input.question);
  const signal = AbortSignal.timeout(titleTimeoutMs);
  let text = '';
  try {
    const excerpt = (value: string) => Array.from(value).slice(0, maxExcerptChars).join('');
    // through the guards like the turn itself: the question may hold personal data
    const stream = await openGuardedStream(deps.gateway, deps.guards, {
      model: input.model,
      // The exchange goes in its own roles. Pasted into one user message under "User:" and
      // "Assistant:" labels, the model's answer was read by the guards as user text, and an
      // answer starting "你…" after "Assistant:" looked like a forged role (an injection flag
      // on ordinary chats).
      messages: [
        { role: 'system', content: instructions },
        { role: 'user', content: excerpt(input.question) },
        { role: 'assistant', content: excerpt(input.answer) },
        { role: 'user', content: request },
      ],
      maxTokens: 64,
      temperature: 0.3,
      source: 'system',
      userId: input.userId,
      signal,
    });
    for await (const part of stream) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') return fallback;
    }
  } catch {
    return fallback;
  }
  return cleanTitle(text) ?? fallback;
}

/** The title inside a model's reply, or undefined when the reply is not a usable title. */
export function cleanTitle(reply: string): string | undefined {
  const line = reply
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  if (!line) return undefined;
  const title = line
    .replace(/^["'“”‘’「」《》『』]+|["'“”‘’「」《》『』]+$/g, '')
    .replace(/^(title|标题)\s*[:：]\s*/i, '')
    .replace(/[。.!！?？,，;；:：\s]+$/u, '')
    .replace(/^["'“”‘’「」《》『』]+|["'“”‘’「」《》『』]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const length = Array.from(title).length;
  return length > 0 && length <= maxTitleChars ? title : undefined;
}
