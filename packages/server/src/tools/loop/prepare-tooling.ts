import type { ChatMessage, ChatStreamPart, ToolCall } from '@qiao/core';
import type { ChatRequest, RequestOrigin } from '../../gateway/gateway';
import { runsLocally } from '../../gateway/runs-locally';
import type { AppDeps } from '../../http/app-env';
import { safetyEventRecorder } from '../../safety/safety-events';
import { readClock } from '../builtin/current-time';
import { runTool, type ToolOutcome } from '../run-tool';
import { toolHostFor } from '../tool-host';
import { ToolRegistry } from '../tool-registry';
import { withToolNote } from './date-note';
import { classifyIntent, modelSupportsTools } from './intent-fallback';
import { toolMessage } from './run-tool-calls';
import { type ToolPii, toolPii } from './tool-pii';

/** What one model call of a turn is sent, beyond the fixed model and origin. */
export type StepRequest = Pick<
  ChatRequest,
  | 'messages'
  | 'tools'
  | 'toolChoice'
  | 'responseFormat'
  | 'temperature'
  | 'maxTokens'
  | 'piiVault'
  | 'keepPlaceholders'
>;

export type OpenStep = (step: StepRequest) => Promise<AsyncIterable<ChatStreamPart>>;

/** A tool run before the answer started (the intent fallback), shown and stored like any other. */
export interface PreludeCall {
  call: ToolCall;
  outcome: ToolOutcome;
}

export interface Tooling {
  registry: ToolRegistry;
  maxSteps: number;
  timeoutMs: number;
  /** the first model call */
  first: StepRequest;
  prelude: PreludeCall[];
  /** placeholders shared by the loop's model calls, restored only for trusted tools */
  pii: ToolPii;
}

/** Tooling plus the way to open the next model call (guards and origin bound by the caller). */
export interface ToolLoop extends Tooling {
  open: OpenStep;
}

/**
 * The default assistant's tools for one REST chat turn: the registry, the date note and the
 * first request. A model without tool calling gets no tool list; instead one structured call
 * classifies the question, and the chosen tool's result goes in as context.
 */
export async function prepareTooling(
  deps: AppDeps,
  input: {
    model: string;
    messages: ChatMessage[];
    signal: AbortSignal;
    open: OpenStep;
    /** only these tools (an agent's list); all of them when absent */
    allowTools?: readonly string[];
    /** who asks, for the audit of personal data restored into a tool's arguments */
    origin?: RequestOrigin;
  },
): Promise<Tooling> {
  const { tools: config } = deps.config;
  const all = await toolHostFor(deps.config).registry();
  const allow = input.allowTools;
  const registry = allow ? new ToolRegistry(all.list().filter((tool) => allow.includes(tool.name))) : all;
  const now = new Date();
  const pii = toolPii(safetyEventRecorder(deps.database.db), {
    source: 'chat',
    ...input.origin,
    model: input.model,
  });
  // the model's tool calls keep their placeholders: each tool's trust decides (tool-pii.ts)
  const turn = { piiVault: pii.vault, keepPlaceholders: 'tool-arguments' } as const;
  const base = { registry, maxSteps: config.maxSteps, timeoutMs: config.timeoutMs, pii };
  if (registry.size > 0 && (await modelSupportsTools(deps, input.model))) {
    return {
      ...base,
      first: {
        messages: withToolNote(input.messages, now, config.timeZone, true),
        tools: registry.definitions(),
        ...turn,
      },
      prelude: [],
    };
  }
  const messages = withToolNote(input.messages, now, config.timeZone, false);
  const today = { date: readClock(now, config.timeZone).date, timeZone: config.timeZone };
  const call =
    registry.size > 0
      ? await classifyIntent(
          registry,
          messages,
          // the classifier's answer becomes a tool call: it keeps its placeholders too
          (step) => input.open({ ...step, piiVault: pii.vault, keepPlaceholders: 'all' }),
          today,
          await runsLocally(deps.gateway, input.model),
        )
      : undefined;
  if (!call) return { ...base, first: { messages, ...turn }, prelude: [] };
  const outcome = await runTool(registry, call, {
    signal: input.signal,
    timeoutMs: config.timeoutMs,
    argumentsFor: pii.argumentsFor,
  });
  const context: ChatMessage = {
    role: 'system',
    content: `A tool was run for the user's next message. Use its result to answer and cite its sources.\n${toolMessage(outcome).content}`,
  };
  // just before the question, where it is read as the context of this turn only
  const withContext = [...messages.slice(0, -1), context, ...messages.slice(-1)];
  return { ...base, first: { messages: withContext, ...turn }, prelude: [{ call, outcome }] };
}
