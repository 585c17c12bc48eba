import type {
  ChatMessage,
  ChatStreamPart,
  ModelInfo,
  PiiVault,
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
  /**
   * The placeholders of a whole turn. A tool loop passes one vault to each of its model calls,
   * so a value keeps its placeholder from round to round and the loop can restore it for the
   * tools trusted with personal data; the gateway makes one per call when absent.
   */
  piiVault?: PiiVault;
  /**
   * What of the answer keeps its placeholders (default: nothing, all is restored): the
   * arguments of tool calls, which a server-side tool loop restores only for tools trusted with
   * personal data; or everything, for a classifier whose answer becomes a tool call.
   */
  keepPlaceholders?: 'tool-arguments' | 'all';
}

export type { ModelInfo } from '@qiao/core';

/** `/rerank` (Jina / Cohere / SiliconFlow shape); `model` is `provider/model`. */
export interface RerankRequest extends RequestOrigin {
  model: string;
  query: string;
  documents: readonly string[];
  signal?: AbortSignal;
}

export interface SpeechRequest extends RequestOrigin {
  text: string;
  lang: 'zh-CN' | 'en';
  signal?: AbortSignal;
}

export interface TranscriptionRequest extends RequestOrigin {
  file: File;
  signal?: AbortSignal;
}

/** An OpenAI-compatible `/moderations` service (QIAO_MODERATION_URL). */
export interface ModerationService {
  /** …/v1; `/moderations` is appended */
  baseUrl: string;
  apiKey?: string;
  model?: string;
  timeoutMs?: number;
}

export interface ModerationRequest extends RequestOrigin {
  service: ModerationService;
  input: string;
  signal?: AbortSignal;
}

export interface ModerationVerdict {
  flagged: boolean;
  categories: string[];
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

/** One provider's health, for `qiao doctor` and the admin "test" button. */
export interface ProviderCheck {
  provider: string;
  ok: boolean;
  latencyMs: number;
  /** how many models it lists (or has in its static catalog) */
  models?: number;
  error?: string;
}

/**
 * The model layer as the rest of Qiao sees it, and the one way out to a provider: every call
 * that carries a user's text (chat, embeddings, rerank, speech, moderation) goes through it,
 * and it replaces personal data with placeholders for every model that is not local. `stream` never throws once iteration has
 * started: failures arrive as an `error` part after retries and fallbacks are spent, so no
 * caller can be left with a hung stream.
 */
export interface Gateway {
  /**
   * `start` comes once, right before the first content (so it names the model that actually
   * answered after retries/fallback); the stream then ends with `usage` + `finish`, or with
   * `error` (an error-only stream has no `start`). Aborting `request.signal` cancels the upstream
   * call and ends the stream with an `error` part of code `cancelled`; breaking out of the loop
   * cancels it too. Every call writes one request_log row (batched, off the hot path).
   */
  stream(request: ChatRequest): AsyncIterable<ChatStreamPart>;
  embed(request: EmbedRequest): Promise<EmbedResult>;
  /** relevance of each document to the query, in input order */
  rerank(request: RerankRequest): Promise<number[]>;
  /** MP3 from the first provider with a voice; undefined when none is configured */
  speak(request: SpeechRequest): Promise<Buffer | undefined>;
  /** text of a recording; undefined when no provider transcribes */
  transcribe(request: TranscriptionRequest): Promise<string | undefined>;
  /** asks an external moderation service about a user's message */
  moderate(request: ModerationRequest): Promise<ModerationVerdict>;
  /** all models reachable with the current configuration (discovered, cached) */
  listModels(options?: { refresh?: boolean }): Promise<ModelInfo[]>;
  /** throws AppError('model_not_found', details.validModels) for unknown ids */
  resolve(model: string): Promise<ModelInfo[]>;
  /** the context window to plan prompts against (a safe default when unknown) */
  contextWindow(model: string): Promise<number>;
  close(): Promise<void>;
  /** re-read admin-stored providers after a change (optional: test doubles may omit it) */
  reloadProviders?(): void;
  /** checks every configured provider, or the given ones, with a cheap call */
  checkProviders?(ids?: string[]): Promise<ProviderCheck[]>;
}
