import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { AppError } from '@qiao/core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { NulSafeClient } from './nul-safe-client';
import { startPgliteChild } from './pglite-child';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type OpenDatabaseOptions =
  /** postgres:// URL; without it the embedded PGlite in `dataDir/db` is used */
  | { databaseUrl?: string; dataDir: string }
  | { databaseUrl: string }
  /** an already-created in-process PGlite (tests load a migrated template this way) */
  | { pglite: PGlite };

/** Opens the database and applies pending migrations; failures become one clear AppError. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if ('pglite' in options) {
    const db = drizzlePglite(options.pglite, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(options.pglite), { migrationsFolder });
    return { db, kind: 'pglite', close: () => options.pglite.close() };
  }
  if (options.databaseUrl) {
    return openPool(
      { connectionString: options.databaseUrl, max: 10 },
      'postgres',
      `DATABASE_URL (${redactUrl(options.databaseUrl)})`,
    );
  }
  return openEmbedded((options as { dataDir: string }).dataDir);
}

/** The embedded database, served by its own process over a Unix socket (see pglite-process.ts). */
async function openEmbedded(dataDir: string): Promise<Database> {
  const child = await startPgliteChild(dataDir);
  try {
    // max 1: PGlite is a single session; the pool queues queries and keeps transactions whole
    const database = await openPool(
      { host: child.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 },
      'pglite',
      `the embedded database in ${dataDir}`,
    );
    return {
      ...database,
      async close() {
        await database.close();
        await child.stop();
      },
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

async function openPool(settings: pg.PoolConfig, kind: Database['kind'], label: string): Promise<Database> {
  const pool = new pg.Pool({ ...settings, connectionTimeoutMillis: 5_000, Client: NulSafeClient });
  // pg emits errors of idle clients on the pool; without a listener they crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AppError('database_unavailable', `Cannot connect to ${label}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await migratePg(drizzlePg(pool), { migrationsFolder });
  return { db, kind, close: () => pool.end() };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message || error.name : String(error);
}
