import type { ChatStreamPart, MatchStream, TermMatch } from '@qiao/core';

export interface HeldTextPolicy<T> {
  /**
   * Decides what the hits found in the held text mean: `stop` ends the answer with that
   * text; `rewrite` changes the held text (offsets of hits are absolute, `base` is the
   * absolute offset of `held`).
   */
  onHits(
    hits: TermMatch<T>[],
    held: string,
    base: number,
  ): { stop: string } | { rewrite: string } | undefined;
}

type ToolDelta = Extract<ChatStreamPart, { type: 'tool-call-delta' }>;

/** One channel of text the client receives: the answer, the reasoning, one tool call's arguments. */
interface Channel<T> {
  matches: MatchStream<T>;
  held: string;
  base: number;
  /** what the upstream sent and what was let through (masked), for the tool call's final part */
  sent: string;
  released: string;
  part: (text: string) => ChatStreamPart;
}

/**
 * Scans every channel of text in the stream — text deltas, reasoning deltas and each tool
 * call's arguments — across chunk boundaries, each channel with its own matcher and held text:
 * text is released only once no term can still start in it (the matcher's safe offset), so a
 * term split over chunks is caught before any of it reaches the client, and parts of another
 * channel in between neither hide it nor release it early. A complete `tool-call` part gets the
 * arguments as released (masked), or is scanned whole when no deltas came before it. `finish`,
 * `error` and the end of the stream settle and release every channel. A stop ends the stream
 * with reason content-filter and returns, which cancels the upstream call.
 */
export async function* scanHeldText<T>(
  stream: AsyncIterable<ChatStreamPart>,
  newMatches: () => MatchStream<T>,
  policy: HeldTextPolicy<T>,
): AsyncIterable<ChatStreamPart> {
  const channels = new Map<string, Channel<T>>();
  let answered = false;

  const open = (key: string, part: (text: string) => ChatStreamPart): Channel<T> => {
    let channel = channels.get(key);
    if (!channel) {
      channel = { matches: newMatches(), held: '', base: 0, sent: '', released: '', part };
      channels.set(key, channel);
    }
    return channel;
  };
  /** the stop message, or undefined after applying a rewrite to the held text */
  const settle = (channel: Channel<T>, hits: TermMatch<T>[]): string | undefined => {
    if (hits.length === 0) return undefined;
    const verdict = policy.onHits(hits, channel.held, channel.base);
    if (verdict && 'stop' in verdict) return (answered ? '\n\n' : '') + verdict.stop;
    if (verdict) channel.held = verdict.rewrite;
    return undefined;
  };
  const release = (key: string, channel: Channel<T>, text: string): ChatStreamPart => {
    channel.released += text;
    if (key === 'text') answered = true;
    return channel.part(text);
  };

  /** Feeds a delta; returns the parts to send, or a stop message. */
  const write = (key: string, channel: Channel<T>, text: string): ChatStreamPart[] | string => {
    channel.held += text;
    channel.sent += text;
    const stop = settle(channel, channel.matches.write(text));
    if (stop !== undefined) return stop;
    const cut = channel.matches.safeOffset() - channel.base;
    if (cut <= 0) return [];
    const out = channel.held.slice(0, cut);
    channel.held = channel.held.slice(cut);
    channel.base += cut;
    return [release(key, channel, out)];
  };
  /** Ends a channel: the rest of its held text, or a stop message. */
  const close = (key: string): ChatStreamPart[] | string => {
    const channel = channels.get(key);
    if (!channel) return [];
    const stop = settle(channel, channel.matches.end());
    if (stop !== undefined) return stop;
    const out = channel.held ? [release(key, channel, channel.held)] : [];
    channel.held = '';
    return out;
  };
  const closeAll = (): ChatStreamPart[] | string => {
    const out: ChatStreamPart[] = [];
    for (const key of [...channels.keys()]) {
      const parts = close(key);
      if (typeof parts === 'string') return parts;
      out.push(...parts);
    }
    channels.clear();
    return out;
  };
  /** A tool call with its arguments complete: as released from its deltas, or scanned whole. */
  const wholeToolCall = (part: Extract<ChatStreamPart, { type: 'tool-call' }>): ChatStreamPart[] | string => {
    const key = `tool:${part.index}`;
    const streamed = channels.get(key);
    const out = close(key);
    if (typeof out === 'string') return out;
    channels.delete(key);
    if (streamed && streamed.sent === part.arguments)
      return [...out, { ...part, arguments: streamed.released }];
    const channel = open(key, () => part);
    channel.held = part.arguments;
    const stop = settle(channel, [...channel.matches.write(part.arguments), ...channel.matches.end()]);
    channels.delete(key);
    if (stop !== undefined) return stop;
    return [...out, { ...part, arguments: channel.held }];
  };

  for await (const part of stream) {
    let out: ChatStreamPart[] | string;
    if (part.type === 'text-delta')
      out = write(
        'text',
        open('text', (text) => ({ type: 'text-delta', text })),
        part.text,
      );
    else if (part.type === 'reasoning-delta')
      out = write(
        'reasoning',
        open('reasoning', (text) => ({ type: 'reasoning-delta', text })),
        part.text,
      );
    else if (part.type === 'tool-call-delta') {
      const { index, id, name } = part;
      const template = (argumentsDelta: string): ToolDelta => ({
        type: 'tool-call-delta',
        index,
        id,
        name,
        argumentsDelta,
      });
      out = write(`tool:${index}`, open(`tool:${index}`, template), part.argumentsDelta);
    } else if (part.type === 'tool-call') out = wholeToolCall(part);
    else if (part.type === 'finish' || part.type === 'error') {
      out = closeAll();
      if (typeof out !== 'string') out.push(part);
    } else out = [part];
    if (typeof out === 'string') {
      yield* stopWith(out);
      return;
    }
    yield* out;
  }
  const rest = closeAll();
  if (typeof rest === 'string') yield* stopWith(rest);
  else yield* rest;
}

function* stopWith(message: string): Iterable<ChatStreamPart> {
  if (message) yield { type: 'text-delta', text: message };
  yield { type: 'finish', reason: 'content-filter' };
}
