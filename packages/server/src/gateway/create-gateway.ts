import type { Config } from '../config';
import type { Database } from '../db';
import { checkProviderEntries } from './check-providers';
import { embedTexts } from './embed';
import type { Gateway } from './gateway';
import { streamChat } from './gateway-stream';
import { ModelCatalog } from './model-catalog';
import { RequestLogWriter } from './request-log-writer';
import { resolveModels } from './resolve-model';

const defaultContextWindow = 8192;

export interface QiaoGateway extends Gateway {
  reloadProviders(): void;
  checkProviders(ids?: string[]): Promise<import('./gateway').ProviderCheck[]>;
  /** writes queued request-log rows now (tests, shutdown) */
  flushRequestLog(): Promise<void>;
}

export async function createGateway(options: { config: Config; database: Database }): Promise<QiaoGateway> {
  const { config, database } = options;
  const catalog = new ModelCatalog(config, database);
  const log = new RequestLogWriter(database);
  const deps = { config, catalog, log };
  return {
    stream: (request) => streamChat(deps, request),
    embed: (request) => embedTexts(deps, request),
    listModels: (opts) => catalog.list(opts?.refresh === true),
    resolve: (model) => resolveModels(catalog, config, model),
    async contextWindow(model) {
      try {
        const [info] = await resolveModels(catalog, config, model);
        if (info?.contextWindow) return info.contextWindow;
        if (info?.local) {
          const { LocalRuntime } = await import('../local/local-runtime');
          const local = await new LocalRuntime(config).modelInfo(info.id);
          return local.contextLength ?? defaultContextWindow;
        }
      } catch {
        // unknown models plan against the safe default; the call itself will report the error
      }
      return defaultContextWindow;
    },
    reloadProviders: () => catalog.reload(),
    checkProviders: (ids) => checkProviderEntries(catalog, ids),
    flushRequestLog: () => log.flush(),
    async close() {
      await log.flush();
      await catalog.close();
    },
  };
}
