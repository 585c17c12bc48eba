import type {
  ChatMessage,
  ChatStreamPart,
  ResponseFormat,
  ToolChoice,
  ToolDefinition,
  Usage,
} from '@qiao/core';

/** Who is asking, for accounting in the request log. */
export interface RequestOrigin {
  source: 'chat' | 'v1' | 'cli' | 'system';
  userId?: string;
  apiKeyId?: string;
}

export interface ChatRequest extends RequestOrigin {
  /** `provider/model`, an alias, or several ids joined by `,` (a fallback chain) */
  model: string;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  responseFormat?: ResponseFormat;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  seed?: number;
  /** aborted when the client goes away; the upstream call is cancelled with it */
  signal?: AbortSignal;
}

export interface ModelInfo {
  /** `provider/model` */
  id: string;
  provider: string;
  /** what the provider calls it */
  providerModel: string;
  kind: 'chat' | 'embedding';
  contextWindow?: number;
  /** USD per million tokens */
  pricing?: { input: number; output: number };
  supportsTools?: boolean;
  supportsVision?: boolean;
  local?: boolean;
}

export interface EmbedRequest extends RequestOrigin {
  model: string;
  input: string[];
  dimensions?: number;
  signal?: AbortSignal;
}

export interface EmbedResult {
  model: string;
  embeddings: number[][];
  usage: Pick<Usage, 'inputTokens'>;
}

/**
 * The model layer as the rest of Qiao sees it. `stream` never throws once iteration has
 * started: failures arrive as an `error` part after retries and fallbacks are spent, so no
 * caller can be left with a hung stream.
 */
export interface Gateway {
  stream(request: ChatRequest): AsyncIterable<ChatStreamPart>;
  embed(request: EmbedRequest): Promise<EmbedResult>;
  /** all models reachable with the current configuration (discovered, cached) */
  listModels(options?: { refresh?: boolean }): Promise<ModelInfo[]>;
  /** throws AppError('model_not_found', details.validModels) for unknown ids */
  resolve(model: string): Promise<ModelInfo[]>;
  /** the context window to plan prompts against (a safe default when unknown) */
  contextWindow(model: string): Promise<number>;
  close(): Promise<void>;
}
