import type {
  CreateKnowledgeBaseBody,
  KbChunkDto,
  KbDocumentDto,
  KbRole,
  KnowledgeBaseDto,
  KnowledgeSource,
  SearchResult,
  UpdateKnowledgeBaseBody,
} from '@qiao/core';
import { api, errorFrom } from '../lib/api';

/** Typed calls to /api/knowledge-bases (see docs/knowledge-bases.md). */
const base = '/api/knowledge-bases';

export interface KbMember {
  userId: string;
  username: string;
  role: KbRole;
  owner: boolean;
}

export interface UploadResult {
  documents: KbDocumentDto[];
  rejected: { name: string; code: string; message: string }[];
}

export const kbApi = {
  list: () => api<{ knowledgeBases: KnowledgeBaseDto[] }>(base).then((r) => r.knowledgeBases),
  get: (id: string) => api<KnowledgeBaseDto>(`${base}/${id}`),
  create: (body: CreateKnowledgeBaseBody) => api<KnowledgeBaseDto>(base, { body }),
  update: (id: string, body: UpdateKnowledgeBaseBody) =>
    api<KnowledgeBaseDto>(`${base}/${id}`, { method: 'PATCH', body }),
  remove: (id: string) => api<void>(`${base}/${id}`, { method: 'DELETE' }),

  members: (id: string) => api<{ members: KbMember[] }>(`${base}/${id}/members`).then((r) => r.members),
  setMember: (id: string, username: string, role: KbRole) =>
    api<KbMember>(`${base}/${id}/members`, { method: 'PUT', body: { username, role } }),
  removeMember: (id: string, userId: string) =>
    api<void>(`${base}/${id}/members/${userId}`, { method: 'DELETE' }),

  documents: (id: string) =>
    api<{ documents: KbDocumentDto[] }>(`${base}/${id}/documents`).then((r) => r.documents),
  document: (id: string, docId: string) => api<KbDocumentDto>(`${base}/${id}/documents/${docId}`),
  upload: async (id: string, files: readonly File[]): Promise<UploadResult> => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    const response = await fetch(`${base}/${id}/documents`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
    });
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as UploadResult;
  },
  addUrl: (id: string, url: string) => api<KbDocumentDto>(`${base}/${id}/documents/url`, { body: { url } }),
  removeDocument: (id: string, docId: string) =>
    api<void>(`${base}/${id}/documents/${docId}`, { method: 'DELETE' }),
  cancel: (id: string, docId: string) =>
    api<KbDocumentDto>(`${base}/${id}/documents/${docId}/cancel`, { method: 'POST' }),
  retry: (id: string, docId: string) =>
    api<KbDocumentDto>(`${base}/${id}/documents/${docId}/retry`, { method: 'POST' }),

  chunks: (id: string, docId: string, offset: number, limit = 50) =>
    api<{ chunks: KbChunkDto[]; total: number }>(
      `${base}/${id}/documents/${docId}/chunks?offset=${offset}&limit=${limit}`,
    ),
  editChunk: (id: string, chunkId: string, text: string) =>
    api<KbChunkDto>(`${base}/${id}/chunks/${chunkId}`, { method: 'PATCH', body: { text } }),

  search: (id: string, query: string) => api<SearchResult>(`${base}/${id}/search`, { body: { query } }),

  bindings: (conversationId: string) =>
    api<{ knowledgeBaseIds: string[] }>(`${base}/bindings/${conversationId}`).then((r) => r.knowledgeBaseIds),
  bind: (conversationId: string, knowledgeBaseIds: string[]) =>
    api<{ knowledgeBaseIds: string[] }>(`${base}/bindings/${conversationId}`, {
      method: 'PUT',
      body: { knowledgeBaseIds },
    }),
  messageSources: (messageId: string) =>
    api<{ sources: KnowledgeSource[] }>(`${base}/message-sources/${messageId}`).then((r) => r.sources),
};
