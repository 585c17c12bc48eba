import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { listAudit } from './audit-log';

const auditQuery = z.object({
  action: z
    .string()
    .regex(/^[a-z0-9_.-]{1,100}$/)
    .optional(),
  actor: z.string().max(100).optional(),
  since: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  format: z.enum(['json', 'csv']).default('json'),
});

const csvCell = (value: unknown) => {
  const text = value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Mounted at /api/admin/audit: the append-only audit log, filtered, as JSON or CSV. Admins only. */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAdmin);
  app.get('/', async (c) => {
    const query = parseWith(auditQuery, c.req.query());
    const entries = await listAudit(deps.database.db, { ...query, actorId: query.actor });
    if (query.format === 'json') return c.json({ entries });
    const columns = ['createdAt', 'actorName', 'action', 'target', 'detail'] as const;
    const lines = entries.map((e) =>
      columns.map((k) => csvCell(k === 'createdAt' ? e.createdAt.toISOString() : e[k])).join(','),
    );
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="qiao-audit.csv"');
    return c.body(`${[columns.join(','), ...lines].join('\n')}\n`);
  });
  return app;
}
