import { createContext, type ReactNode, useContext, useState, useSyncExternalStore } from 'react';
import { ChatStore } from './chat-store';
import type { ThreadRow, UiMessage } from './thread';

const ChatContext = createContext<ChatStore | undefined>(undefined);

/** One ChatStore for the signed-in app, so a chat survives moving from `/` to `/c/:id`. */
export function ChatProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new ChatStore());
  return <ChatContext.Provider value={store}>{children}</ChatContext.Provider>;
}

export function useChatStore(): ChatStore {
  const store = useContext(ChatContext);
  if (!store) throw new Error('useChatStore outside ChatProvider');
  return store;
}

export function useRows(): ThreadRow[] {
  const store = useChatStore();
  return useSyncExternalStore(store.subscribe, store.getRows);
}

export function useStreaming(): boolean {
  const store = useChatStore();
  return useSyncExternalStore(store.subscribe, () => store.streaming);
}

export function useChatTitle(): string {
  const store = useChatStore();
  return useSyncExternalStore(store.subscribe, () => store.title);
}

export function useMessage(id: string): UiMessage | undefined {
  const store = useChatStore();
  return useSyncExternalStore(
    (listener) => store.subscribeMessage(id, listener),
    () => store.getMessage(id),
  );
}

export function useChatAgentId(): string | undefined {
  const store = useChatStore();
  return useSyncExternalStore(store.subscribe, () => store.agentId);
}
