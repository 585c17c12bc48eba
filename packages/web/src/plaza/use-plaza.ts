import type { AgentDto } from '@qiao/core';
import { useEffect, useState } from 'react';
import { agentsApi } from '../agents/agents-api';

/** The plaza for a search and a category, refetched (debounced) as they change. */
export function usePlaza(query: string, category: string, lang: string, refresh: number) {
  const [agents, setAgents] = useState<AgentDto[]>();
  const [error, setError] = useState<string>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` asks for the list again (after a review)
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      agentsApi
        .plaza({ q: query.trim() || undefined, category: category || undefined, lang })
        .then((reply) => {
          if (!live) return;
          setAgents(reply.agents);
          setError(undefined);
        })
        .catch((caught: Error) => live && setError(caught.message));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, category, lang, refresh]);

  return { agents, error };
}
