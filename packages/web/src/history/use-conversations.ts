import type { ConversationDto, ConversationPage } from '@qiao/core';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api';

/** The sidebar's list: recent conversations, or search results for `q`, optionally one topic's. */
export function useConversations(q: string, topicId: string | undefined, refreshKey: number) {
  const [conversations, setConversations] = useState<ConversationDto[]>([]);
  const [loaded, setLoaded] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the caller's way to ask for a reload
  useEffect(() => {
    let live = true;
    const params = new URLSearchParams({ limit: '100' });
    if (q.trim()) params.set('q', q.trim());
    if (topicId) params.set('topicId', topicId);
    const timer = setTimeout(
      () => {
        api<ConversationPage>(`/api/conversations?${params}`)
          .then((page) => {
            if (!live) return;
            setConversations(page.conversations);
            setLoaded(true);
          })
          .catch(() => live && setLoaded(true));
      },
      q ? 250 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, topicId, refreshKey]);

  const patchLocal = useCallback((id: string, change: Partial<ConversationDto> | null) => {
    setConversations((list) =>
      change === null
        ? list.filter((c) => c.id !== id)
        : list.map((c) => (c.id === id ? { ...c, ...change } : c)),
    );
  }, []);

  return { conversations, loaded, patchLocal };
}
