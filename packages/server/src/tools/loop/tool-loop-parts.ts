import type { ChatStreamPart, ToolCall, Usage } from '@qiao/core';
import { addUsage } from './add-usage';
import type { ToolLoop } from './prepare-tooling';
import { runToolRound } from './run-tool-round';

/**
 * A tool loop run on the server for a caller that only wants the answer (an agent on /v1):
 * each round's calls run, their results go back to the model, and what reaches the caller is
 * one plain stream — the text, one `start`, one `finish` and the usage of all rounds summed.
 * The tool calls themselves stay inside: the caller never declared those tools.
 */
export async function* toolLoopParts(loop: ToolLoop, signal: AbortSignal): AsyncGenerator<ChatStreamPart> {
  let step = loop.first;
  let usage: Usage | null = null;
  let costUsd: number | undefined;
  let started = false;
  for (let round = 0; ; round++) {
    const calls: ToolCall[] = [];
    let finish: ChatStreamPart | undefined;
    for await (const part of await loop.open(step)) {
      switch (part.type) {
        case 'start':
          if (!started) yield part;
          started = true;
          break;
        case 'tool-call':
          calls.push({ id: part.id, name: part.name, arguments: part.arguments });
          break;
        case 'tool-call-delta':
          break;
        case 'usage':
          usage = addUsage(usage, part.usage);
          if (part.costUsd !== undefined) costUsd = (costUsd ?? 0) + part.costUsd;
          break;
        case 'finish':
          finish = part;
          break;
        case 'error':
          yield part;
          return;
        default:
          yield part;
      }
    }
    if (calls.length === 0 || signal.aborted || round >= loop.maxSteps) {
      if (usage) yield { type: 'usage', usage, ...(costUsd === undefined ? {} : { costUsd }) };
      yield calls.length > 0
        ? { type: 'finish', reason: 'stop' }
        : (finish ?? { type: 'finish', reason: 'stop' });
      return;
    }
    step = (await runToolRound(loop, step, calls, round, signal)).next;
  }
}
