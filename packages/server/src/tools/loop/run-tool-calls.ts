import { type ChatMessage, type ToolCall, wrapUntrusted } from '@qiao/core';
import { type RunToolOptions, runTool, type ToolOutcome } from '../run-tool';
import type { ToolRegistry } from '../tool-registry';

/** More calls than this in one step are answered with a note instead of being run. */
export const maxCallsPerStep = 8;

/** Runs a step's calls in parallel (the model emitted them together, so they are independent). */
export async function runToolCalls(
  registry: ToolRegistry,
  calls: readonly ToolCall[],
  options: RunToolOptions,
): Promise<ToolOutcome[]> {
  return Promise.all(
    calls.map((call, i) =>
      i < maxCallsPerStep
        ? runTool(registry, call, options)
        : Promise.resolve<ToolOutcome>({
            callId: call.id,
            name: call.name,
            ok: false,
            text: `Tool error: only ${maxCallsPerStep} tool calls run per step; call ${call.name} again later if still needed.`,
            sources: [],
            durationMs: 0,
          }),
    ),
  );
}

/** The tool message the model reads for one outcome. */
export function toolMessage(outcome: ToolOutcome): ChatMessage {
  const sources = outcome.sources.length
    ? `\nSources:\n${outcome.sources.map((s) => `- ${s.title ? `${s.title}: ` : ''}${s.url}`).join('\n')}`
    : '';
  return {
    role: 'tool',
    toolCallId: outcome.callId,
    name: outcome.name,
    content: wrapUntrusted(`tool result of ${outcome.name}`, outcome.text + sources),
  };
}
