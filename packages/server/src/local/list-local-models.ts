import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '@qiao/core';
import type { Config } from '../config';

export interface LocalModelEntry {
  /** `local/<file name without .gguf>` */
  id: string;
  path: string;
}

export function localModelsDir(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'models');
}

/** QIAO_LOCAL_MODEL first, then every `*.gguf` in `<dataDir>/models` (pulled models). */
export function listLocalModels(config: Pick<Config, 'dataDir' | 'localModel'>): LocalModelEntry[] {
  const entries: LocalModelEntry[] = [];
  const add = (path: string) => {
    const id = `local/${basename(path).replace(/\.gguf$/i, '')}`;
    if (!entries.some((entry) => entry.id === id)) entries.push({ id, path });
  };
  if (config.localModel) add(config.localModel);
  let files: string[] = [];
  try {
    files = readdirSync(localModelsDir(config));
  } catch {
    // no models pulled yet
  }
  for (const file of files.sort()) {
    if (/\.gguf$/i.test(file)) add(join(localModelsDir(config), file));
  }
  return entries;
}

/** Accepts `local/name` or a bare `name`. */
export function findLocalModel(config: Pick<Config, 'dataDir' | 'localModel'>, id: string): LocalModelEntry {
  const wanted = id.startsWith('local/') ? id : `local/${id}`;
  const models = listLocalModels(config);
  const found = models.find((model) => model.id === wanted);
  if (!found) {
    throw new AppError('model_not_found', `Unknown local model: ${id}`, {
      details: { validModels: models.map((model) => model.id) },
    });
  }
  return found;
}
