import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { AppError } from '@qiao/core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenDatabaseOptions {
  /** postgres:// URL; without it the embedded PGlite in `dataDir/db` is used */
  databaseUrl?: string;
  dataDir?: string;
  /** an already-created PGlite (tests load a migrated template this way) */
  pglite?: PGlite;
}

/** Opens the database and applies pending migrations; failures become one clear AppError. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  const client = options.pglite ?? (await createPglite(options.dataDir));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close() };
}

export async function createPglite(dataDir?: string): Promise<PGlite> {
  const dir = dataDir ? join(dataDir, 'db') : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  try {
    return await PGlite.create({ dataDir: dir, extensions: { vector } });
  } catch (error) {
    throw new AppError('database_unavailable', `Cannot open the embedded database in ${dir ?? 'memory'}`, {
      cause: error,
    });
  }
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // pg emits errors of idle clients on the pool; without a listener they crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AppError(
      'database_unavailable',
      `Cannot connect to DATABASE_URL (${redactUrl(url)}): ${messageOf(error)}`,
      {
        cause: error,
      },
    );
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await migratePg(drizzlePg(pool), { migrationsFolder });
  return { db, kind: 'postgres', close: () => pool.end() };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}
