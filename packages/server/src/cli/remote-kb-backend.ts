import { AppError, type KbDocumentDto, type KnowledgeBaseDto, type SearchResult } from '@qiao/core';
import type { KbCliBackend } from './kb-cli-backend';
import { errorFromResponse } from './remote-error';

/** `qiao kb` through a running server's REST API, with its local admin token. */
export function remoteKbBackend(server: { url: string; token: string }): KbCliBackend {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const form = body instanceof FormData;
    const response = await fetch(`${server.url}/api/knowledge-bases${path}`, {
      method,
      headers: {
        authorization: `Bearer ${server.token}`,
        ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    }).catch((error: unknown) => {
      throw new AppError('upstream_unavailable', `Cannot reach the Qiao server at ${server.url}`, {
        cause: error,
      });
    });
    if (!response.ok) throw await errorFromResponse(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const idOf = async (name: string): Promise<string> => {
    const { knowledgeBases } = await call<{ knowledgeBases: KnowledgeBaseDto[] }>('GET', '');
    const kb = knowledgeBases.find((candidate) => candidate.name === name);
    if (!kb) throw new AppError('not_found', `No knowledge base named "${name}"`);
    return kb.id;
  };

  return {
    create: (name) => call('POST', '', { name }),
    list: async () => (await call<{ knowledgeBases: KnowledgeBaseDto[] }>('GET', '')).knowledgeBases,
    async remove(name) {
      await call('DELETE', `/${await idOf(name)}`);
    },
    async upload(kb, file) {
      const form = new FormData();
      form.append('file', new File([file.bytes], file.name));
      const { documents } = await call<{ documents: KbDocumentDto[] }>(
        'POST',
        `/${await idOf(kb)}/documents`,
        form,
      );
      return documents[0]!;
    },
    async document(kb, documentId) {
      return call('GET', `/${await idOf(kb)}/documents/${documentId}`);
    },
    async search(kb, query, topK) {
      return call<SearchResult>('POST', `/${await idOf(kb)}/search`, { query, topK });
    },
    async close() {},
  };
}
