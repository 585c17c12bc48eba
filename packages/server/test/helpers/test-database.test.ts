import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db';
import { createTestDatabase, testDatabaseKind } from './test-database';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

test('the test database is migrated', async () => {
  expect(database.kind).toBe(testDatabaseKind());
  const result = await database.db.execute(sql`select count(*)::int as n from users`);
  expect(result.rows[0]).toEqual({ n: 0 });
});
