import {
  detectInjection,
  type InjectionAction,
  injectionFlagThreshold,
  type KnowledgeBaseSettings,
  type KnowledgeSource,
} from '@qiao/core';
import type { RequestOrigin } from '../gateway/gateway';
import type { AppDeps } from '../http/app-env';
import { safetyEventRecorder } from '../safety/safety-events';
import { type RetrievedHit, retrieve } from './retrieve';

export interface KnowledgePassages {
  /** the passages that pass the threshold, within the token budget, numbered for citation */
  sources: KnowledgeSource[];
  settings: KnowledgeBaseSettings;
}

export interface PassagesInput {
  userId: string;
  kbIds: readonly string[];
  query: string;
  signal?: AbortSignal;
  /**
   * what a passage that reads like an injection does: `block` drops it, `warn` and `log`
   * (the default) keep it, marked in the prompt (knowledgePrompt); each is a safety event
   */
  injection?: InjectionAction;
  source?: RequestOrigin['source'];
}

/** What a turn of a chat or an agent call gets from its knowledge bases for one question. */
export async function retrievePassages(deps: AppDeps, input: PassagesInput): Promise<KnowledgePassages> {
  const result = await retrieve({ db: deps.database.db, config: deps.config, gateway: deps.gateway }, input);
  const passing = result.hits.filter((hit) => hit.passesThreshold);
  const sources = withinBudget(screenPassages(deps, passing, input), result.settings);
  return { sources, settings: result.settings };
}

/**
 * Scores each passage for hidden instructions before it reaches a prompt: a document is
 * untrusted input like a tool result. A flagged passage is recorded and, under `block`,
 * dropped so the next passage takes its place in the budget.
 */
function screenPassages(deps: AppDeps, hits: RetrievedHit[], input: PassagesInput): RetrievedHit[] {
  const drop = input.injection === 'block';
  let record: ReturnType<typeof safetyEventRecorder> | undefined;
  return hits.filter((hit) => {
    const finding = detectInjection(hit.text);
    if (finding.score < injectionFlagThreshold) return true;
    record ??= safetyEventRecorder(deps.database.db);
    record(
      {
        kind: 'injection',
        direction: 'input',
        category: 'document',
        action: drop ? 'block' : 'flag',
        detail: { ...finding, chunkId: hit.chunkId, documentId: hit.source.documentId },
      },
      { userId: input.userId, source: input.source ?? 'chat', model: '' },
    );
    return !drop;
  });
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
      relevance: hit.relevance,
    });
  }
  return sources;
}
