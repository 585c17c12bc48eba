import type { ErrorBody, FinishReason, KnowledgeSource, Usage } from '@qiao/core';
import { openaiErrorType } from '../http/error-response';
import { toOpenAIFinishReason } from './finish-reason';
import { toOpenAIUsage } from './openai-usage';

export interface ChunkHeader {
  id: string;
  created: number;
  model: string;
  includeUsage: boolean;
  /** the implicit AI-content label (GB 45438), sent once, in the finish chunk */
  aigc?: object;
  /** an agent's knowledge-base passages, sent once, in the first chunk (before any [n] cites them) */
  sources?: readonly KnowledgeSource[];
}

const choiceTail = '},"logprobs":null,"finish_reason":null}]';

/**
 * Serializes `chat.completion.chunk` events exactly as OpenAI sends them. The envelope is
 * built once per response and each chunk only adds its delta, which keeps per-token cost
 * to one small JSON.stringify of the text.
 */
export class CompletionChunks {
  readonly #head: string;
  readonly #tail: string;
  readonly #label: string;
  readonly #sources: string;

  constructor(header: ChunkHeader) {
    this.#head = `data: {"id":${JSON.stringify(header.id)},"object":"chat.completion.chunk","created":${header.created},"model":${JSON.stringify(header.model)},"system_fingerprint":null,"choices":[`;
    // With include_usage every chunk carries "usage":null until the final usage chunk.
    this.#tail = header.includeUsage ? ',"usage":null}\n\n' : '}\n\n';
    this.#label = header.aigc ? `,"aigc":${JSON.stringify(header.aigc)}` : '';
    this.#sources = header.sources ? `,"sources":${JSON.stringify(header.sources)}` : '';
  }

  role(): string {
    return `${this.#head}{"index":0,"delta":{"role":"assistant","content":"","refusal":null${choiceTail}${this.#sources}${this.#tail}`;
  }

  text(text: string): string {
    return `${this.#head}{"index":0,"delta":{"content":${JSON.stringify(text)}${choiceTail}${this.#tail}`;
  }

  /** DeepSeek-style `reasoning_content`, which OpenAI clients ignore and others display. */
  reasoning(text: string): string {
    return `${this.#head}{"index":0,"delta":{"reasoning_content":${JSON.stringify(text)}${choiceTail}${this.#tail}`;
  }

  toolCallStart(index: number, id: string, name: string, args: string): string {
    const call = { index, id, type: 'function', function: { name, arguments: args } };
    return `${this.#head}{"index":0,"delta":{"tool_calls":[${JSON.stringify(call)}]${choiceTail}${this.#tail}`;
  }

  toolCallArguments(index: number, args: string): string {
    return `${this.#head}{"index":0,"delta":{"tool_calls":[{"index":${index},"function":{"arguments":${JSON.stringify(args)}}}]${choiceTail}${this.#tail}`;
  }

  finish(reason: FinishReason | undefined): string {
    return `${this.#head}{"index":0,"delta":{},"logprobs":null,"finish_reason":"${toOpenAIFinishReason(reason)}"}]${this.#label}${this.#tail}`;
  }

  usage(usage: Usage | undefined): string {
    return `${this.#head}],"usage":${JSON.stringify(toOpenAIUsage(usage))}}\n\n`;
  }

  error(error: ErrorBody): string {
    const body = {
      error: { message: error.message, type: openaiErrorType(error.code), code: error.code, param: null },
    };
    return `data: ${JSON.stringify(body)}\n\n`;
  }

  static readonly done = 'data: [DONE]\n\n';
}
