import './knowledge-chat.css';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import type { UiMessage } from '../chat/thread';
import { CitationContext, type Citations } from './citation-context';
import { SourcesList } from './sources-list';
import { citingSentence } from './split-citations';
import { useMessageSources } from './use-message-sources';

const CitationPanel = lazy(() => import('./citation-panel'));

/**
 * Wraps an answer: its `[n]` markers open the cited passage in a side panel, and the sources
 * it was given are listed under it.
 */
export function CitationScope({ message, children }: { message: UiMessage; children: ReactNode }) {
  const sources = useMessageSources(message);
  const [opened, setOpened] = useState<{ index: number; quote: string }>();
  const value = useMemo<Citations>(
    () => ({ sources, open: (index, quote) => setOpened({ index, quote }) }),
    [sources],
  );
  const source = opened && sources.find((s) => s.index === opened.index);
  return (
    <CitationContext.Provider value={value}>
      {children}
      {sources.length > 0 && message.status !== 'streaming' && (
        <SourcesList
          sources={sources}
          onOpen={(index) => setOpened({ index, quote: citingSentence(message.text, index) })}
        />
      )}
      {source && (
        <Suspense fallback={null}>
          <CitationPanel source={source} quote={opened.quote} onClose={() => setOpened(undefined)} />
        </Suspense>
      )}
    </CitationContext.Provider>
  );
}
