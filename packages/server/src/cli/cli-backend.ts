import type { CreateApiKeyBody } from '@qiao/core';
import type { ProviderCheck } from '../gateway/gateway';
import type { KbCliBackend } from './kb-cli-backend';

/**
 * What CLI commands need from Qiao. Two implementations: through a running server's HTTP API
 * (PGlite is single-process, so its directory must not be opened twice) or straight on the
 * database when no server holds the data dir.
 */
export interface CliBackend {
  readonly kind: 'server' | 'direct';
  createUser(input: { username: string; password: string; admin: boolean }): Promise<CreatedUser>;
  /** without a username the key belongs to the first admin */
  createApiKey(input: CreateApiKeyBody): Promise<CreatedApiKey>;
  listModels(): Promise<ModelSummary[]>;
  /** yields answer text as it arrives; failures throw AppError */
  chat(input: { model: string; message: string; signal?: AbortSignal }): AsyncIterable<string>;
  /** every configured provider with ok/error, latency and model count (for doctor) */
  checkProviders(): Promise<ProviderCheck[]>;
  /** `qiao kb`: knowledge bases (kb-cli-backend.ts); close what it returns */
  knowledge(): KbCliBackend;
  /**
   * Any REST route, as the local administrator: commands that only wrap the API (agents…)
   * use this instead of a method of their own. Error replies throw AppError.
   */
  api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** a REST route that answers with server-sent events (a chat turn), as the local administrator */
  eventStream(path: string, body: unknown, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>>;
  close(): Promise<void>;
}

export interface CreatedUser {
  username: string;
  role: string;
}

export interface CreatedApiKey {
  key: string;
  name: string;
  username?: string;
}

export interface ModelSummary {
  id: string;
  provider: string;
  kind?: string;
}
