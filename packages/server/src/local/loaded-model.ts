import { AppError } from '@qiao/core';
import { type Llama, LlamaChat, type LlamaEmbeddingContext, type LlamaModel } from 'node-llama-cpp';
import { SerialQueue } from './serial-queue';

/** The largest chat context we ask for; "auto" below it shrinks to what memory allows. */
const maxChatContext = 8192;

/**
 * One GGUF loaded once and shared by every request. The chat keeps a single context
 * sequence so consecutive turns of a conversation reuse the evaluated prefix (KV cache);
 * the queue makes requests take turns on it, embeddings included.
 */
export class LoadedModel {
  readonly queue = new SerialQueue();
  #chat: Promise<LlamaChat> | undefined;
  #embedding: Promise<LlamaEmbeddingContext> | undefined;

  constructor(
    readonly llama: Llama,
    readonly model: LlamaModel,
    readonly threads: number,
  ) {}

  chat(): Promise<LlamaChat> {
    this.#chat ??= this.model
      .createContext({ contextSize: { max: maxChatContext }, threads: this.threads, sequences: 1 })
      .then(
        (context) => new LlamaChat({ contextSequence: context.getSequence(), autoDisposeSequence: false }),
      )
      .catch((error: unknown) => {
        this.#chat = undefined;
        throw new AppError(
          'upstream_unavailable',
          `Cannot create a context for the local model: ${message(error)}`,
          {
            cause: error,
            retryable: false,
          },
        );
      });
    return this.#chat;
  }

  embeddingContext(): Promise<LlamaEmbeddingContext> {
    this.#embedding ??= this.model
      .createEmbeddingContext({ contextSize: { max: maxChatContext }, threads: this.threads })
      .catch((error: unknown) => {
        this.#embedding = undefined;
        throw new AppError('upstream_unavailable', `Cannot create an embedding context: ${message(error)}`, {
          cause: error,
          retryable: false,
        });
      });
    return this.#embedding;
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
