import { randomUUID } from 'node:crypto';
import {
  type ChatEvent,
  type ChatMessage,
  type ChatStreamPart,
  type ErrorBody,
  type FinishReason,
  type ToolCall,
  toAppError,
  type Usage,
} from '@qiao/core';
import type { AppDeps } from '../http/app-env';
import { addUsage } from '../tools/loop/add-usage';
import type { ToolLoop } from '../tools/loop/prepare-tooling';
import { roundMessages, runToolRound } from '../tools/loop/run-tool-round';
import type { ToolOutcome } from '../tools/run-tool';
import { discardTurn, saveTurn, type TurnRecord } from './message-store';
import { PartialAnswer, type PartialAnswerOptions } from './partial-answer';

export interface StreamTurnInput {
  deps: AppDeps;
  stream: AsyncIterable<ChatStreamPart>;
  record: Omit<TurnRecord, 'assistant'>;
  /** the user message the answer belongs to */
  parentId: string;
  model: string;
  signal: AbortSignal;
  /** called once the outcome is settled (stored or failed), before the last event is written */
  onSettled: () => void;
  /** server-run tools: their calls are executed and the model called again, up to maxSteps rounds */
  tools?: ToolLoop;
  /** how often the partial answer is kept (tests) */
  partial?: PartialAnswerOptions;
}

export type TurnEvents = AsyncIterable<ChatEvent>;

interface Step {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  error?: Pick<ErrorBody, 'code' | 'message'>;
}

const aborted = Symbol('aborted');

/**
 * Turns the model's stream into chat events and stores the turn at the end: complete when
 * the model finished, stopped (with the partial answer) when the signal fired, nothing at
 * all when the model failed (the user message stored at the start is taken back). While it
 * streams, the answer so far is kept as `streaming` every second or so, for a crash to leave.
 * With tools, each round's calls run, their results go back to the model as tool messages,
 * and the steps are stored with the turn.
 */
export async function* streamTurn(input: StreamTurnInput): TurnEvents {
  const { signal, record, tools } = input;
  const assistantMessageId = randomUUID();
  const abortedPromise = new Promise<typeof aborted>((resolve) => {
    if (signal.aborted) resolve(aborted);
    else signal.addEventListener('abort', () => resolve(aborted), { once: true });
  });
  let model = input.model;
  let started = false;
  let text = '';
  let reasoning = '';
  let usage: Usage | null = null;
  let costUsd: number | undefined;
  let finishReason: FinishReason = 'other';
  let finalCalls: ToolCall[] = [];
  /** assistant tool-call messages and tool results, stored before the answer */
  const steps: ChatMessage[] = [];
  /** the tool loop, with the request of its next model call */
  const loop = tools && { ...tools, request: tools.first };
  /** the step being read, whose text is not in `text` yet */
  let current: Step | undefined;
  const { db } = input.deps.database;
  const partial = new PartialAnswer(
    db,
    {
      id: assistantMessageId,
      conversationId: record.conversationId,
      parentId: input.parentId,
      notBefore: (record.user?.createdAt.getTime() ?? 0) + 1,
    },
    () => ({ content: text + (current?.text ?? ''), reasoning, model }),
    input.partial,
  );
  /** a failed turn leaves nothing: neither its partial answer nor the question stored at its start */
  const discard = async () => {
    await partial.close();
    await discardTurn(db, [assistantMessageId, ...(record.user ? [record.user.id] : [])]).catch(() => {});
  };
  // a reader that gives up early must not leave the timer renewing a dead answer
  try {
    const startEvent = (): ChatEvent => {
      started = true;
      const userMessageId = input.parentId;
      return {
        event: 'start',
        data: { conversationId: record.conversationId, userMessageId, assistantMessageId, model },
      };
    };
    const fail = (code: ErrorBody['code'], message: string): ChatEvent => {
      input.onSettled();
      return { event: 'error', data: { code, message } };
    };

    async function* readStep(stream: AsyncIterable<ChatStreamPart>): AsyncGenerator<ChatEvent, Step> {
      const iterator = stream[Symbol.asyncIterator]();
      const step: Step = { text: '', toolCalls: [], finishReason: 'other' };
      current = step;
      try {
        for (;;) {
          // Racing the abort means a stop never waits for the provider's next byte.
          const next = await Promise.race([iterator.next(), abortedPromise]);
          if (next === aborted || next.done) break;
          const part = next.value;
          if (part.type === 'start' && !started) model = part.model;
          if (!started) yield startEvent();
          switch (part.type) {
            case 'text-delta':
              step.text += part.text;
              partial.touch(part.text.length);
              yield { event: 'delta', data: { text: part.text } };
              break;
            case 'reasoning-delta':
              reasoning += part.text;
              partial.touch(part.text.length);
              yield { event: 'reasoning', data: { text: part.text } };
              break;
            case 'tool-call':
              step.toolCalls.push({ id: part.id, name: part.name, arguments: part.arguments });
              yield { event: 'tool_call', data: { id: part.id, name: part.name, arguments: part.arguments } };
              break;
            case 'usage':
              usage = addUsage(usage, part.usage);
              if (part.costUsd !== undefined) costUsd = (costUsd ?? 0) + part.costUsd;
              break;
            case 'finish':
              step.finishReason = part.reason;
              break;
            case 'error':
              if (signal.aborted) break;
              step.error = part.error;
              return step;
          }
          if (signal.aborted) break;
        }
      } catch (error) {
        // The gateway promises not to throw; if something does anyway, the client still hears of it.
        if (!signal.aborted) {
          const { code, message } = toAppError(error);
          step.error = { code, message };
          return step;
        }
      }
      // Not awaited: a generator busy awaiting the provider only returns after its pending next().
      if (signal.aborted) iterator.return?.()?.catch(() => {});
      return step;
    }

    function recordOutcomes(messages: ChatMessage[], outcomes: ToolOutcome[]): ChatEvent[] {
      steps.push(...messages);
      return outcomes.map(
        (outcome): ChatEvent => ({
          event: 'tool_result',
          data: {
            id: outcome.callId,
            name: outcome.name,
            ok: outcome.ok,
            content: outcome.text,
            sources: outcome.sources,
            durationMs: outcome.durationMs,
          },
        }),
      );
    }
    /** events of a stopped turn wait until it is stored: a stop request waits for that, not the reader */
    const afterSettled: ChatEvent[] = [];

    if (tools?.prelude.length) {
      yield startEvent();
      for (const { call } of tools.prelude) yield { event: 'tool_call', data: { ...call } };
      const calls = tools.prelude.map((p) => p.call);
      const outcomes = tools.prelude.map((p) => p.outcome);
      yield* recordOutcomes(roundMessages(calls, outcomes), outcomes);
    }

    let stream = input.stream;
    for (let round = 0; ; round++) {
      const step = yield* readStep(stream);
      if (step.error) {
        await discard();
        yield fail(step.error.code, step.error.message);
        return;
      }
      text += step.text;
      current = undefined;
      finishReason = step.finishReason;
      if (!loop) {
        finalCalls = step.toolCalls;
        break;
      }
      if (step.toolCalls.length === 0 || signal.aborted) break;
      if (round >= loop.maxSteps) {
        // Asked to answer without tools and called one anyway: say so rather than end empty.
        const note = `\n\n(Stopped after ${loop.maxSteps} rounds of tool calls without a final answer.)`;
        text += note;
        yield { event: 'delta', data: { text: note } };
        break;
      }
      const { outcomes, messages, next } = await runToolRound(
        loop,
        loop.request,
        step.toolCalls,
        round,
        signal,
      );
      const resultEvents = recordOutcomes(messages, outcomes);
      loop.request = next;
      if (signal.aborted) {
        afterSettled.push(...resultEvents);
        break;
      }
      yield* resultEvents;
      try {
        stream = await loop.open(loop.request);
      } catch (error) {
        const { code, message } = toAppError(error);
        await discard();
        yield fail(code, message);
        return;
      }
    }

    const stopped = signal.aborted;
    if (stopped) finishReason = 'cancelled';
    if (!started) yield startEvent();
    await partial.close();
    try {
      await saveTurn(input.deps.database.db, {
        ...record,
        ...(steps.length > 0 ? { steps } : {}),
        assistant: {
          id: assistantMessageId,
          parentId: input.parentId,
          content: text,
          reasoning: reasoning || null,
          toolCalls: finalCalls.length > 0 ? finalCalls : null,
          model,
          status: stopped ? 'stopped' : 'complete',
          usage,
        },
      });
    } catch (error) {
      const { code, message } = toAppError(error);
      await discard();
      yield fail(code, `The answer could not be saved: ${message}`);
      return;
    }
    // Settling before the last writes lets a stop request return without waiting on a slow reader.
    input.onSettled();
    yield* afterSettled;
    if (usage) yield { event: 'usage', data: { ...pickUsage(usage), costUsd: costUsd ?? null } };
    yield { event: 'done', data: { messageId: assistantMessageId, finishReason } };
  } finally {
    void partial.close();
  }
}

function pickUsage(usage: Usage): Pick<Usage, 'inputTokens' | 'outputTokens' | 'totalTokens'> {
  return { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, totalTokens: usage.totalTokens };
}
