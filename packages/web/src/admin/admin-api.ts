import type {
  ApiKeyScope,
  CategoryView,
  HitStats,
  ModerationAction,
  Role,
  TeamDto,
  TermView,
  UsageReport,
} from '@qiao/core';
import { api } from '../lib/api';

/** Typed calls to the admin REST routes (docs/access-control.md, docs/safety.md). */

export interface AdminUser {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface KeyPolicyView {
  scopes: ApiKeyScope[] | null;
  expiresAt: string | null;
  dailyRequests: number | null;
  dailyTokens: number | null;
  models: string[] | null;
  ips: string[] | null;
  rateLimit: number | null;
}

export interface ModerationVerdict {
  action: ModerationAction | null;
  masked: string;
  hits: {
    category: string;
    action: ModerationAction;
    term: string;
    start: number;
    end: number;
    text: string;
  }[];
  pii: { type: string; start: number; end: number }[];
  injection: { score: number; signals: string[] };
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  createdAt: string;
}

const json = (method: string, body: unknown) => ({ method, body });
const moderation = '/api/admin/moderation';

export const adminApi = {
  users: () => api<{ users: AdminUser[] }>('/api/users').then((r) => r.users),
  createUser: (body: { username: string; password: string; role: Role }) => api('/api/users', { body }),
  updateUser: (id: string, body: { role?: Role; disabled?: boolean }) =>
    api(`/api/users/${encodeURIComponent(id)}`, json('PATCH', body)),

  teams: () => api<{ teams: TeamDto[] }>('/api/teams').then((r) => r.teams),
  createTeam: (name: string) => api('/api/teams', { body: { name } }),
  deleteTeam: (id: string) => api(`/api/teams/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  addMember: (teamId: string, username: string) =>
    api(`/api/teams/${encodeURIComponent(teamId)}/members`, { body: { username } }),
  removeMember: (teamId: string, userId: string) =>
    api(`/api/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`, {
      method: 'DELETE',
    }),

  categories: () => api<{ categories: CategoryView[] }>(`${moderation}/categories`).then((r) => r.categories),
  saveCategory: (id: string, body: { label?: string; action?: ModerationAction; message?: string | null }) =>
    api(`${moderation}/categories/${encodeURIComponent(id)}`, json('PUT', body)),
  deleteCategory: (id: string) =>
    api(`${moderation}/categories/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  terms: (category: string, q: string) =>
    api<{ terms: TermView[] }>(
      `${moderation}/terms?${new URLSearchParams({ category, ...(q ? { q } : {}) })}`,
    ).then((r) => r.terms),
  deleteTerm: (id: string) => api(`${moderation}/terms/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  importTerms: (body: { text: string; category?: string; replace?: boolean }) =>
    api<{ imported: number; categories: string[] }>(`${moderation}/import`, { body }),
  hits: () => api<HitStats>(`${moderation}/hits`),
  testText: (text: string) => api<ModerationVerdict>(`${moderation}/test`, { body: { text } }),
  exportUrl: (format: 'csv' | 'txt', category?: string) =>
    `${moderation}/export?${new URLSearchParams({ format, ...(category ? { category } : {}) })}`,

  /** one page, newest first; `nextCursor` asks for the page after it (null: no more) */
  audit: (query: URLSearchParams) =>
    api<{ entries: AuditEntry[]; nextCursor: string | null }>(`/api/admin/audit?${query}`),

  /** the last `days` days, days starting at midnight in `tz` */
  usage: (days: number, tz: string) =>
    api<UsageReport>(`/api/admin/usage?${new URLSearchParams({ days: String(days), tz })}`),
};
