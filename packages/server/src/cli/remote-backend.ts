import { AppError } from '@qiao/core';
import type { ProviderCheck } from '../gateway/gateway';
import type { CliBackend, ModelSummary } from './cli-backend';
import { readSseData } from './read-sse-data';
import { errorFromFields, errorFromResponse } from './remote-error';
import { remoteKbBackend } from './remote-kb-backend';

interface ChatChunk {
  choices?: { delta?: { content?: string | null } }[];
  error?: { code?: string; message?: string };
}

/** Goes through a running server with the local admin token it left in the lock file. */
export function remoteBackend(server: {
  url: string;
  token: string;
  pid: number;
  lockFile: string;
}): CliBackend {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new AppError(
        'upstream_unavailable',
        `Cannot reach the Qiao server (pid ${server.pid}) at ${server.url} (${fetchFailure(error)}); if it is not running, delete ${server.lockFile}`,
        { cause: error },
      );
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  };
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await (await call(method, path, body)).json()) as T;

  const listModels = async (): Promise<ModelSummary[]> => {
    const body = await json<{ data?: { id: string; owned_by?: string; kind?: string }[] }>(
      'GET',
      '/v1/models',
    );
    return (body.data ?? []).map((model) => ({
      id: model.id,
      provider: model.id.split('/')[0] ?? model.owned_by ?? '',
      kind: model.kind,
    }));
  };

  return {
    kind: 'server',
    async createUser({ username, password, admin }) {
      const body = await json<Record<string, unknown>>('POST', '/api/users', { username, password, admin });
      const user = (body.user ?? body) as { username?: string; role?: string };
      return { username: user.username ?? username, role: user.role ?? (admin ? 'admin' : 'member') };
    },
    async createApiKey(input) {
      const { name, username } = input;
      const body = await json<{ key?: string; name?: string }>('POST', '/api/keys', input);
      if (!body.key) throw new AppError('upstream_error', 'The server answered without a key');
      return { key: body.key, name: body.name ?? name, username };
    },
    listModels,
    async api<T>(method: string, path: string, body?: unknown) {
      const response = await call(method, path, body);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async *chat({ model, message, signal }) {
      const response = await call(
        'POST',
        '/v1/chat/completions',
        { model, stream: true, messages: [{ role: 'user', content: message }] },
        signal,
      );
      if (!response.body) return;
      for await (const data of readSseData(response.body)) {
        if (data === '[DONE]') return;
        const chunk = JSON.parse(data) as ChatChunk;
        if (chunk.error) throw errorFromFields(chunk.error);
        const text = chunk.choices?.[0]?.delta?.content;
        if (text) yield text;
      }
    },
    async eventStream(path, body, signal) {
      const response = await call('POST', path, body, signal);
      if (!response.body) throw new AppError('upstream_error', `${path} answered without a body`);
      return response.body;
    },
    async checkProviders() {
      const { providers } = await json<{
        providers: { id: string; configured: boolean; enabled: boolean }[];
      }>('GET', '/api/providers');
      const active = providers.filter((provider) => provider.configured && provider.enabled);
      return Promise.all(
        active.map((provider) =>
          json<ProviderCheck>('POST', `/api/providers/${encodeURIComponent(provider.id)}/test`),
        ),
      );
    },
    knowledge: () => remoteKbBackend(server),
    async close() {},
  };
}

/** fetch() says only "fetch failed"; the reason (ECONNREFUSED...) is in its cause. */
function fetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
