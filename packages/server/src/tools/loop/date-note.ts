import { type ChatMessage, untrustedDataRule } from '@qiao/core';
import { readClock } from '../builtin/current-time';

/**
 * Tells the model today's date, how to use tools and how to read their (untrusted) results;
 * merged into the first system message.
 */
export function withToolNote(
  messages: ChatMessage[],
  now: Date,
  timeZone: string,
  hasTools: boolean,
): ChatMessage[] {
  const clock = readClock(now, timeZone);
  const note = [
    `Current date and time: ${clock.date} ${clock.weekdayZh} (${clock.weekdayEn}) ${clock.time.slice(0, 5)}, time zone ${timeZone}.`,
    hasTools
      ? 'For facts that change (time, weather, news, prices, web pages) use the tools instead of guessing. Cite the source URLs of tool results as markdown links.'
      : '',
    untrustedDataRule,
  ]
    .filter(Boolean)
    .join('\n');
  const [first, ...rest] = messages;
  if (first?.role === 'system' && typeof first.content === 'string') {
    return [{ ...first, content: `${first.content}\n\n${note}` }, ...rest];
  }
  return [{ role: 'system', content: note }, ...messages];
}
