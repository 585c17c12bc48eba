import type { KnowledgeBaseSettings, KnowledgeSource } from '@qiao/core';
import type { AppDeps } from '../http/app-env';
import { type RetrievedHit, retrieve } from './retrieve';

export interface KnowledgePassages {
  /** the passages that pass the threshold, within the token budget, numbered for citation */
  sources: KnowledgeSource[];
  settings: KnowledgeBaseSettings;
}

/** What a turn of a chat or an agent call gets from its knowledge bases for one question. */
export async function retrievePassages(
  deps: AppDeps,
  input: { userId: string; kbIds: readonly string[]; query: string; signal?: AbortSignal },
): Promise<KnowledgePassages> {
  const result = await retrieve({ db: deps.database.db, config: deps.config, gateway: deps.gateway }, input);
  const sources = withinBudget(
    result.hits.filter((hit) => hit.passesThreshold),
    result.settings,
  );
  return { sources, settings: result.settings };
}

function withinBudget(hits: RetrievedHit[], settings: KnowledgeBaseSettings): KnowledgeSource[] {
  const sources: KnowledgeSource[] = [];
  let used = 0;
  for (const hit of hits) {
    if (sources.length > 0 && used + hit.tokenCount > settings.tokenBudget) break;
    used += hit.tokenCount;
    sources.push({
      ...hit.source,
      index: sources.length + 1,
      chunkId: hit.chunkId,
      text: hit.text,
      score: hit.score,
    });
  }
  return sources;
}
