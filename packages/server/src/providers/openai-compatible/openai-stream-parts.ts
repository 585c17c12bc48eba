import type {
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import type OpenAI from 'openai';

type Chunk = OpenAI.Chat.Completions.ChatCompletionChunk;
/** fields vendors add to the OpenAI delta (DeepSeek, Qwen, GLM, Ark, Kimi: reasoning_content; vLLM: reasoning) */
type VendorDelta = { reasoning_content?: string | null; reasoning?: string | null };
type VendorChoice = { usage?: Chunk['usage'] };

interface PendingTool {
  id: string;
  name: string;
  arguments: string;
}

const finishReasons: Record<string, LanguageModelV3FinishReason['unified']> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  content_filter: 'content-filter',
};

/**
 * OpenAI chunks to V3 stream parts. Tool calls are streamed as input deltas and emitted whole
 * at the end; usage is taken from whichever chunk carries it (some vendors put it in the last
 * content chunk or inside the choice).
 */
export async function* toStreamParts(
  chunks: AsyncIterable<Chunk>,
  options: { negativeToolCallIndex?: boolean },
): AsyncGenerator<LanguageModelV3StreamPart> {
  yield { type: 'stream-start', warnings: [] };
  let text = false;
  let reasoning = false;
  let finish: string | undefined;
  let usage: Chunk['usage'] | undefined;
  const tools = new Map<number, PendingTool>();
  for await (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    if ((choice as VendorChoice).usage) usage = (choice as VendorChoice).usage;
    if (choice.finish_reason) finish = choice.finish_reason;
    const delta = choice.delta as (Chunk['choices'][number]['delta'] & VendorDelta) | undefined;
    if (!delta) continue;
    const thought = delta.reasoning_content ?? delta.reasoning;
    if (thought) {
      if (!reasoning) yield { type: 'reasoning-start', id: 'reasoning-0' };
      reasoning = true;
      yield { type: 'reasoning-delta', id: 'reasoning-0', delta: thought };
    }
    if (delta.content) {
      if (!text) yield { type: 'text-start', id: 'text-0' };
      text = true;
      yield { type: 'text-delta', id: 'text-0', delta: delta.content };
    }
    for (const call of delta.tool_calls ?? []) {
      const index = options.negativeToolCallIndex && call.index < 0 ? 0 : call.index;
      let tool = tools.get(index);
      if (!tool) {
        tool = { id: call.id || `call_${index}`, name: call.function?.name ?? '', arguments: '' };
        tools.set(index, tool);
        yield { type: 'tool-input-start', id: tool.id, toolName: tool.name };
      } else if (call.function?.name && !tool.name) {
        tool.name = call.function.name;
      }
      const piece = call.function?.arguments;
      if (piece) {
        tool.arguments += piece;
        yield { type: 'tool-input-delta', id: tool.id, delta: piece };
      }
    }
  }
  if (reasoning) yield { type: 'reasoning-end', id: 'reasoning-0' };
  if (text) yield { type: 'text-end', id: 'text-0' };
  for (const tool of tools.values()) {
    yield { type: 'tool-input-end', id: tool.id };
    yield { type: 'tool-call', toolCallId: tool.id, toolName: tool.name, input: tool.arguments || '{}' };
  }
  yield {
    type: 'finish',
    usage: toV3Usage(usage),
    finishReason: {
      unified: finish ? (finishReasons[finish] ?? 'other') : tools.size ? 'tool-calls' : 'stop',
      raw: finish,
    },
  };
}

export function toV3Usage(usage: OpenAI.CompletionUsage | null | undefined): LanguageModelV3Usage {
  const cached = usage?.prompt_tokens_details?.cached_tokens;
  const reasoningTokens = usage?.completion_tokens_details?.reasoning_tokens;
  return {
    inputTokens: {
      total: usage?.prompt_tokens,
      noCache: usage && cached !== undefined ? usage.prompt_tokens - cached : undefined,
      cacheRead: cached,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: usage?.completion_tokens,
      text: usage && reasoningTokens !== undefined ? usage.completion_tokens - reasoningTokens : undefined,
      reasoning: reasoningTokens,
    },
  };
}
