import { useEffect, useState } from 'react';
import { useChatStore } from '../chat/chat-context';
import { kbApi } from './kb-api';

// A new chat has no id to bind to yet: its choice waits here until the chat is created.
let pending: string[] = [];

/**
 * The knowledge bases the open chat answers from. A stored chat reads and writes its bindings;
 * a new one keeps the choice and binds it as soon as it is created, before its first answer.
 */
export function useBindings(conversationId: string | undefined) {
  const store = useChatStore();
  const [ids, setIds] = useState<string[]>(conversationId ? [] : pending);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setError(undefined);
    if (!conversationId) {
      setIds(pending);
      return;
    }
    pending = [];
    let live = true;
    kbApi.bindings(conversationId).then(
      (bound) => live && setIds(bound),
      () => live && setIds([]),
    );
    return () => {
      live = false;
    };
  }, [conversationId]);

  useEffect(
    () =>
      store.onConversationCreated(async (id) => {
        const chosen = pending;
        pending = [];
        if (chosen.length > 0) await kbApi.bind(id, chosen);
      }),
    [store],
  );

  const update = async (next: string[]) => {
    setError(undefined);
    if (!conversationId) {
      pending = next;
      setIds(next);
      return;
    }
    try {
      setIds((await kbApi.bind(conversationId, next)).knowledgeBaseIds);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return { ids, update, error };
}
