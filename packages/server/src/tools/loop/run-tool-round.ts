import type { ChatMessage, ToolCall } from '@qiao/core';
import type { ToolOutcome } from '../run-tool';
import type { StepRequest, Tooling } from './prepare-tooling';
import { runToolCalls, toolMessage } from './run-tool-calls';

/** One round of a tool loop, the same for a chat turn and for an agent answer on /v1. */
export interface ToolRound {
  outcomes: ToolOutcome[];
  /** the assistant's tool-call message and a tool message per outcome, as the model reads them */
  messages: ChatMessage[];
  /** the next model call: the thread so far, and no more tools once the last round is reached */
  next: StepRequest;
}

/** Runs the calls a model made in round `round` (0-based) of `step` and builds the next call. */
export async function runToolRound(
  loop: Tooling,
  step: StepRequest,
  calls: ToolCall[],
  round: number,
  signal: AbortSignal,
): Promise<ToolRound> {
  const outcomes = await runToolCalls(loop.registry, calls, {
    signal,
    timeoutMs: loop.timeoutMs,
    argumentsFor: loop.pii.argumentsFor,
  });
  const messages = roundMessages(calls, outcomes);
  const last = round + 1 >= loop.maxSteps;
  return {
    outcomes,
    messages,
    next: {
      ...step,
      messages: [...step.messages, ...messages],
      ...(last ? { toolChoice: 'none' as const } : {}),
    },
  };
}

/** What the thread gains from a round: the assistant's calls, then their results. */
export function roundMessages(calls: ToolCall[], outcomes: ToolOutcome[]): ChatMessage[] {
  return [{ role: 'assistant', content: '', toolCalls: calls }, ...outcomes.map(toolMessage)];
}
