import type { AppDeps } from '../http/app-env';
import { type KnowledgeService, startKnowledge } from './knowledge-service';

const started = new WeakMap<AppDeps, Promise<KnowledgeService>>();

/**
 * The knowledge service of these deps: the one startServer made, or (apps built without it,
 * as most tests do) one started on first use, without re-queueing anything.
 */
export function knowledgeOf(deps: AppDeps): Promise<KnowledgeService> {
  if (deps.knowledge) return Promise.resolve(deps.knowledge);
  let service = started.get(deps);
  if (!service) {
    service = startKnowledge(deps, { resume: false });
    started.set(deps, service);
  }
  return service;
}
