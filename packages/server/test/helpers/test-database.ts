import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { loadConfig } from '../../src/config';
import { type Database, openDatabase } from '../../src/db';

/**
 * A fresh, migrated database per test file. With DATABASE_URL set (CI's Postgres run) each
 * call creates its own Postgres database; otherwise PGlite in memory, loaded from a migrated
 * template dump because a cold PGlite initdb costs seconds.
 */
export async function createTestDatabase(): Promise<Database> {
  const { databaseUrl } = loadConfig(process.env, { ensureSecret: false });
  if (databaseUrl) return createPostgresDatabase(databaseUrl);
  const pglite = await PGlite.create({
    loadDataDir: new Blob([await pgliteTemplate()]),
    extensions: { vector },
  });
  return openDatabase({ pglite });
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return loadConfig(process.env, { ensureSecret: false }).databaseUrl ? 'postgres' : 'pglite';
}

const templateDir = join(process.cwd(), 'node_modules', '.cache', 'qiao-test');

async function pgliteTemplate(): Promise<Buffer> {
  const migrationsStamp = readFileSync(
    new URL('../../src/db/migrations/meta/_journal.json', import.meta.url),
    'utf8',
  );
  const key = Buffer.from(migrationsStamp).toString('base64url').slice(-24);
  const file = join(templateDir, `pglite-${key}.tar`);
  if (existsSync(file)) return readFileSync(file);
  const pglite = await PGlite.create({ extensions: { vector } });
  const database = await openDatabase({ pglite });
  const dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
  await database.close();
  mkdirSync(templateDir, { recursive: true });
  // rename is atomic, so two test workers racing here both end up with a whole file
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, dump);
  renameSync(tmp, file);
  return dump;
}

async function createPostgresDatabase(adminUrl: string): Promise<Database> {
  const name = `qiao_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
