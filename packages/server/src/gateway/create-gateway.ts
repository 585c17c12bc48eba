import { type ChatStreamPart, toAppError } from '@qiao/core';
import type { Config } from '../config';
import type { Database } from '../db';
import { safetyEventRecorder } from '../safety/safety-events';
import { speakText, transcribeAudio } from './audio';
import { checkProviderEntries } from './check-providers';
import { embedTexts } from './embed';
import type { Gateway } from './gateway';
import { streamChat } from './gateway-stream';
import { ModelCatalog } from './model-catalog';
import { moderateText } from './moderate';
import { type OutboundChat, outboundChat } from './outbound-chat';
import { redactionRecorder } from './outbound-pii';
import { RequestLogWriter } from './request-log-writer';
import { rerankTexts } from './rerank';
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
  const recordRedaction = redactionRecorder(safetyEventRecorder(database.db));
  const deps = { config, catalog, log, recordRedaction };
  return {
    stream(request) {
      let outbound: OutboundChat;
      try {
        outbound = outboundChat(request, recordRedaction);
      } catch (error) {
        return failedStream(error); // the stream's promise: failures are parts, never throws
      }
      return outbound.restore(streamChat(deps, request, outbound));
    },
    embed: (request) => embedTexts(deps, request),
    rerank: (request) => rerankTexts(deps, request),
    speak: (request) => speakText(deps, request),
    transcribe: (request) => transcribeAudio(deps, request),
    moderate: (request) => moderateText(deps, request),
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

async function* failedStream(error: unknown): AsyncGenerator<ChatStreamPart> {
  yield { type: 'error', error: toAppError(error).toJSON() };
}
