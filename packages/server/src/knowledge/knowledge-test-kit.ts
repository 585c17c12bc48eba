import { type ChatTestAppOptions, startChatTestApp } from '../../test/helpers/chat-test-app';
import { createApp } from '../app';
import { type KnowledgeService, type StartKnowledgeOptions, startKnowledge } from './knowledge-service';

/**
 * Test-only: the whole app over a fresh database with its own knowledge service (fast
 * retries), users alice (signed up) and helpers to create knowledge bases and upload text.
 */
export async function startKnowledgeTestApp(
  options: ChatTestAppOptions & { knowledge?: StartKnowledgeOptions } = {},
) {
  const base = await startChatTestApp(options);
  const knowledge: KnowledgeService = await startKnowledge(base.deps, {
    resume: false,
    retry: { maxAttempts: 3, baseDelayMs: 5 },
    ...options.knowledge,
  });
  const deps = { ...base.deps, knowledge };
  const app = createApp(deps);
  const request = (path: string, init: RequestInit & { json?: unknown; key?: string } = {}) => {
    const { json, key, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('authorization', `Bearer ${key ?? base.key}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return app.request(path, {
      ...rest,
      headers,
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  };

  const createKb = async (name: string, body: Record<string, unknown> = {}, key?: string) => {
    const res = await request('/api/knowledge-bases', { method: 'POST', json: { name, ...body }, key });
    if (res.status !== 201) throw new Error(`create kb: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; name: string };
  };

  const upload = (kbId: string, files: { name: string; content: string | Uint8Array }[], key?: string) => {
    const form = new FormData();
    for (const file of files) form.append('file', new File([file.content], file.name));
    return request(`/api/knowledge-bases/${kbId}/documents`, { method: 'POST', body: form, key });
  };

  /** uploads and waits for the queue to finish; returns the document rows */
  const ingest = async (
    kbId: string,
    files: { name: string; content: string | Uint8Array }[],
    key?: string,
  ) => {
    const res = await upload(kbId, files, key);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    await knowledge.queue.idle();
    const list = await request(`/api/knowledge-bases/${kbId}/documents`, { key });
    return ((await list.json()) as { documents: { id: string; status: string; error: string | null }[] })
      .documents;
  };

  const search = async (kbId: string, query: string, extra: Record<string, unknown> = {}, key?: string) =>
    request(`/api/knowledge-bases/${kbId}/search`, { method: 'POST', json: { query, ...extra }, key });

  return {
    ...base,
    app,
    deps,
    knowledge,
    request,
    createKb,
    upload,
    ingest,
    search,
    close: async () => {
      await knowledge.close();
      await base.close();
    },
  };
}

export type KnowledgeTestApp = Awaited<ReturnType<typeof startKnowledgeTestApp>>;
