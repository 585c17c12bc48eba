import { useEffect, useState } from 'react';
import { agentTeamsApi } from './agents-api';

/**
 * The team picker's state beside the agent's spec: loaded for an agent the user may edit,
 * saved after the agent itself (a new agent has no id before), and only when it changed.
 */
export function useAgentTeams(editableId: string | undefined) {
  const [ids, setIds] = useState<string[]>([]);
  const [saved, setSaved] = useState<string[]>([]);

  useEffect(() => {
    setIds([]);
    setSaved([]);
    if (!editableId) return;
    let live = true;
    void agentTeamsApi
      .get(editableId)
      .then((loaded) => {
        if (!live) return;
        setIds(loaded);
        setSaved(loaded);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [editableId]);

  const changed = ids.length !== saved.length || ids.some((id) => !saved.includes(id));
  const save = async (agentId: string) => {
    if (!changed) return;
    const { teams } = await agentTeamsApi.set(agentId, ids);
    const stored = teams.map((team) => team.id);
    setSaved(stored);
    setIds(stored);
  };
  return { ids, setIds, save };
}
