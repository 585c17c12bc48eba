import type { KnowledgeSource } from '@qiao/core';
import { useEffect, useState } from 'react';
import type { UiMessage } from '../chat/thread';
import { kbApi } from './kb-api';

const cache = new Map<string, Promise<KnowledgeSource[]>>();
const cites = /\[\d{1,2}\]/;

/**
 * The sources of an answer: streamed with it (the `sources` event), or, for an answer loaded
 * from history that cites something, fetched once from the answer's stored sources.
 */
export function useMessageSources(message: UiMessage): readonly KnowledgeSource[] {
  const [stored, setStored] = useState<KnowledgeSource[]>();
  const fetchable =
    !message.sources &&
    message.status !== 'streaming' &&
    !message.id.startsWith('temp-') &&
    cites.test(message.text);
  useEffect(() => {
    if (!fetchable) return;
    let live = true;
    let pending = cache.get(message.id);
    if (!pending) {
      pending = kbApi.messageSources(message.id).catch(() => []);
      cache.set(message.id, pending);
    }
    void pending.then((sources) => live && setStored(sources));
    return () => {
      live = false;
    };
  }, [fetchable, message.id]);
  return message.sources ?? stored ?? [];
}
