import type { DocumentStatus, KbDocumentDto } from '@qiao/core';
import { useCallback, useEffect, useState } from 'react';
import { kbApi } from './kb-api';

export const pendingStatuses: readonly DocumentStatus[] = ['queued', 'parsing', 'indexing'];
const pollMs = 800;

/**
 * The documents of a knowledge base, polled while any of them is still being ingested: the
 * document rows are the jobs' state of record, so their status and progress are the progress bar.
 */
export function useDocuments(kbId: string) {
  const [documents, setDocuments] = useState<KbDocumentDto[]>();
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);

  const refresh = useCallback(() => setRound((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a fresh list
  useEffect(() => {
    // per run: a load still in flight from the previous run must not start a second loop
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await kbApi.documents(kbId);
        if (!live) return;
        setDocuments(next);
        setError(undefined);
        if (next.some((doc) => pendingStatuses.includes(doc.status))) timer = setTimeout(load, pollMs);
      } catch (caught) {
        if (!live) return;
        setError((caught as Error).message);
        timer = setTimeout(load, pollMs * 4);
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kbId, round]);

  return { documents, error, refresh };
}
