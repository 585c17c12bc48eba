import { AppError } from '@qiao/core';

interface Generation {
  controller: AbortController;
  finished: Promise<void>;
  finish(): void;
}

/**
 * The generations running in this process, one per conversation. In-process on purpose:
 * the stream lives in this process, so only this process can stop it.
 */
export class ActiveGenerations {
  readonly #byConversation = new Map<string, Generation>();

  /** Claims the conversation; 409 while another answer is being generated in it. */
  begin(conversationId: string): AbortController {
    if (this.#byConversation.has(conversationId)) {
      throw new AppError('conflict', 'An answer is already being generated in this conversation');
    }
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const controller = new AbortController();
    this.#byConversation.set(conversationId, { controller, finished, finish });
    return controller;
  }

  /** Aborts the generation and resolves once it has stored what it had; false if none ran. */
  async stop(conversationId: string): Promise<boolean> {
    const generation = this.#byConversation.get(conversationId);
    if (!generation) return false;
    generation.controller.abort();
    await generation.finished;
    return true;
  }

  end(conversationId: string, controller: AbortController): void {
    const generation = this.#byConversation.get(conversationId);
    if (generation?.controller !== controller) return;
    this.#byConversation.delete(conversationId);
    generation.finish();
  }

  isActive(conversationId: string): boolean {
    return this.#byConversation.has(conversationId);
  }
}
