import { stat } from 'node:fs/promises';
import type { EmbeddingModelV3, LanguageModelV3 } from '@ai-sdk/provider';
import { AppError } from '@qiao/core';
import { getLlama, type Llama, LlamaLogLevel } from 'node-llama-cpp';
import type { Config } from '../config';
import { findLocalModel } from './list-local-models';
import { LoadedModel, message } from './loaded-model';
import { LocalEmbeddingModel } from './local-embedding-model';
import { LocalLanguageModel } from './local-language-model';
import { physicalCoreCount, threadsForModel } from './physical-cores';
import { validateGguf } from './validate-gguf';

export { type LocalModelEntry, listLocalModels } from './list-local-models';

export interface LocalModelInfo {
  id: string;
  path: string;
  architecture: string;
  contextLength: number | undefined;
  embeddingLength: number | undefined;
}

/**
 * In-process GGUF models through node-llama-cpp. Nothing is loaded until the first call:
 * the llama.cpp backend once, each model file once (validated first), shared by all
 * requests. Local models report no tool support.
 */
export class LocalRuntime {
  /** the most threads any model gets; small models use fewer (see threadsForModel) */
  readonly threads: number;
  #llama: Promise<Llama> | undefined;
  readonly #models = new Map<string, Promise<LoadedModel>>();
  #closed = false;

  constructor(private readonly config: Config) {
    this.threads = config.localThreads ?? physicalCoreCount();
  }

  languageModel(id: string): LanguageModelV3 {
    const entry = findLocalModel(this.config, id);
    return new LocalLanguageModel(entry.id, () => this.load(entry.path));
  }

  embeddingModel(id: string): EmbeddingModelV3 {
    const entry = findLocalModel(this.config, id);
    return new LocalEmbeddingModel(entry.id, () => this.load(entry.path));
  }

  /** Reads the GGUF header only: cheap, and safe on broken files. */
  async modelInfo(id: string): Promise<LocalModelInfo> {
    const entry = findLocalModel(this.config, id);
    const { architecture, contextLength, embeddingLength } = await validateGguf(entry.path);
    return { ...entry, architecture, contextLength, embeddingLength };
  }

  async close(): Promise<void> {
    this.#closed = true;
    const models = [...this.#models.values()];
    this.#models.clear();
    await Promise.allSettled(models.map(async (model) => (await model).dispose()));
    const llama = this.#llama;
    this.#llama = undefined;
    if (llama) await (await llama).dispose();
  }

  private load(path: string): Promise<LoadedModel> {
    if (this.#closed)
      return Promise.reject(new AppError('upstream_unavailable', 'The local runtime is closed'));
    let loaded = this.#models.get(path);
    if (!loaded) {
      loaded = this.loadUncached(path);
      this.#models.set(path, loaded);
      // A failed load is not cached: the file may be fixed or replaced by a new pull.
      loaded.catch(() => this.#models.delete(path));
    }
    return loaded;
  }

  private async loadUncached(path: string): Promise<LoadedModel> {
    await validateGguf(path);
    const llama = await this.backend();
    const threads = threadsForModel((await stat(path)).size, this.config.localThreads);
    try {
      const model = await llama.loadModel({ modelPath: path });
      return new LoadedModel(llama, model, threads);
    } catch (error) {
      throw new AppError('validation_failed', `${path} could not be loaded: ${message(error)}`, {
        cause: error,
      });
    }
  }

  private backend(): Promise<Llama> {
    // The prebuilt CPU binary: npm install scripts are blocked here, so nothing is built,
    // and GPU probing would only add start-up time on CPU-only hosts.
    this.#llama ??= getLlama({
      gpu: false,
      build: 'never',
      progressLogs: false,
      skipDownload: true,
      logLevel: LlamaLogLevel.error,
      maxThreads: this.threads,
    }).catch((error: unknown) => {
      this.#llama = undefined;
      throw new AppError('upstream_unavailable', `The llama.cpp backend cannot start: ${message(error)}`, {
        cause: error,
        retryable: false,
      });
    });
    return this.#llama;
  }
}
