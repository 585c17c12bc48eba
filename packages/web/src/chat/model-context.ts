import { createContext, useContext, useSyncExternalStore } from 'react';
import { useChatStore } from './chat-context';
import type { ChatStore } from './chat-store';

/** The model picked in the composer; regenerate and edit use it too. */
export const ModelContext = createContext('');

export function useCurrentModel(): string {
  return useContext(ModelContext);
}

/**
 * The model of the open conversation's latest answer, so that a chat reopened from history
 * continues with the model it was having; undefined for a new chat.
 */
export function useConversationModel(): string | undefined {
  const store = useChatStore();
  return useSyncExternalStore(store.subscribe, () => latestAnswerModel(store));
}

function latestAnswerModel(store: ChatStore): string | undefined {
  const rows = store.getRows();
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const model = row.kind === 'assistant' ? store.getMessage(row.id)?.model : undefined;
    if (model) return model;
  }
  return undefined;
}
