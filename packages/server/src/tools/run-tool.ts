import { type ToolCall, toAppError } from '@qiao/core';
import { ZodError } from 'zod';
import type { Tool, ToolSource } from './tool';
import type { ToolRegistry } from './tool-registry';

export interface ToolOutcome {
  callId: string;
  name: string;
  ok: boolean;
  /** the result, or a readable note of what went wrong (both go to the model and the user) */
  text: string;
  data?: unknown;
  sources: ToolSource[];
  durationMs: number;
}

export interface RunToolOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** the arguments a tool runs with (placeholders restored for trusted tools); as parsed when absent */
  argumentsFor?: (tool: Tool, args: unknown) => unknown;
}

/**
 * Runs one call and never throws: unknown tools, bad arguments, failures and timeouts all
 * become a note the model can read and answer around, so a broken tool never breaks an answer.
 */
export async function runTool(
  registry: ToolRegistry,
  call: ToolCall,
  options: RunToolOptions,
): Promise<ToolOutcome> {
  const started = performance.now();
  const done = (
    ok: boolean,
    text: string,
    extra: Pick<ToolOutcome, 'data' | 'sources'> = { sources: [] },
  ) => ({
    callId: call.id,
    name: call.name,
    ok,
    text,
    ...extra,
    durationMs: Math.round(performance.now() - started),
  });
  const tool = registry.get(call.name);
  if (!tool) return done(false, `Tool error: there is no tool named ${call.name}.`);

  let args: unknown;
  try {
    const parsed: unknown = call.arguments.trim() ? JSON.parse(call.arguments) : {};
    args = tool.parse(options.argumentsFor ? options.argumentsFor(tool, parsed) : parsed);
  } catch (error) {
    return done(false, `Tool error: ${call.name} was called with invalid arguments (${describe(error)}).`);
  }

  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  try {
    const result = await raceAbort(tool.execute(args, { signal }), signal);
    return done(true, result.text, { data: result.data, sources: result.sources ?? [] });
  } catch (error) {
    if (timeout.aborted && !options.signal.aborted) {
      return done(false, `Tool error: ${call.name} did not answer within ${options.timeoutMs} ms.`);
    }
    if (options.signal.aborted) return done(false, `Tool error: ${call.name} was cancelled.`);
    return done(false, `Tool error: ${call.name} failed: ${describe(error)}`);
  }
}

/** A tool that ignores its signal still cannot hold the turn past its timeout. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describe(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
  }
  if (error instanceof SyntaxError) return 'the arguments are not valid JSON';
  return toAppError(error).message;
}
