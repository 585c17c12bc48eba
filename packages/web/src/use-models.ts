import { useEffect, useState } from 'react';
import { api } from './api';

interface ModelsState {
  models: string[];
  defaultModel?: string;
  loaded: boolean;
}

/** Model ids the signed-in user can pick (aliases first), from GET /api/models. */
export function useModels(): ModelsState {
  const [state, setState] = useState<ModelsState>({ models: [], loaded: false });

  useEffect(() => {
    let live = true;
    api<unknown>('/api/models')
      .then((body) => live && setState({ ...modelChoices(body), loaded: true }))
      .catch(() => live && setState({ models: [], loaded: true }));
    return () => {
      live = false;
    };
  }, []);

  return state;
}

type ModelList = Array<string | { id: string; kind?: string }>;

interface ModelsBody {
  models?: ModelList;
  data?: ModelList;
  aliases?: Record<string, unknown>;
  defaultModel?: string | null;
}

export function modelChoices(body: unknown): { models: string[]; defaultModel?: string } {
  const value = body as ModelList | ModelsBody;
  const list = Array.isArray(value) ? value : (value.models ?? value.data ?? []);
  const ids = list
    .filter((m) => typeof m === 'string' || m.kind === undefined || m.kind === 'chat')
    .map((m) => (typeof m === 'string' ? m : m.id));
  const aliases = Array.isArray(value) ? [] : Object.keys(value.aliases ?? {});
  const defaultModel = Array.isArray(value) ? undefined : (value.defaultModel ?? undefined);
  return { models: [...new Set([...aliases, ...ids])], defaultModel };
}
