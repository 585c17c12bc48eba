import { useEffect, useState } from 'react';
import { api } from '../lib/api';

export interface ModelChoice {
  id: string;
  /** the model sees images */
  vision: boolean;
}

interface ModelsState {
  models: ModelChoice[];
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

type ModelList = Array<string | { id: string; kind?: string; vision?: boolean }>;

interface ModelsBody {
  models?: ModelList;
  data?: ModelList;
  aliases?: Record<string, unknown>;
  defaultModel?: string | null;
}

export function modelChoices(body: unknown): { models: ModelChoice[]; defaultModel?: string } {
  const value = body as ModelList | ModelsBody;
  const list = Array.isArray(value) ? value : (value.models ?? value.data ?? []);
  const choices: ModelChoice[] = list
    .filter((m) => typeof m === 'string' || m.kind === undefined || m.kind === 'chat')
    .map((m) => (typeof m === 'string' ? { id: m, vision: false } : { id: m.id, vision: m.vision === true }));
  const aliases = Array.isArray(value) ? [] : Object.keys(value.aliases ?? {});
  const seen = new Set<string>();
  const models = [...aliases.map((id) => ({ id, vision: false })), ...choices].filter(
    (m) => !seen.has(m.id) && seen.add(m.id),
  );
  const defaultModel = Array.isArray(value) ? undefined : (value.defaultModel ?? undefined);
  return { models, defaultModel };
}
