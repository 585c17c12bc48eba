import type { AgentDto } from '@qiao/core';
import { useEffect, useState } from 'react';
import { api } from '../lib/api';

/** The agent a chat talks to (in the reader's language), or undefined while none or loading. */
export function useAgent(id: string | undefined, lang: string): AgentDto | undefined {
  const [agent, setAgent] = useState<AgentDto>();
  useEffect(() => {
    setAgent(undefined);
    if (!id) return;
    let live = true;
    api<AgentDto>(`/api/agents/${encodeURIComponent(id)}?lang=${lang}`)
      .then((loaded) => live && setAgent(loaded))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, lang]);
  return agent;
}
