import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Database, schema } from '../../src/db';
import { createTestDatabase, testDatabaseKind } from './test-database';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

test('the test database is migrated', async () => {
  expect(database.kind).toBe(testDatabaseKind());
  const rows = await database.db.select({ n: count() }).from(schema.users);
  expect(rows).toEqual([{ n: 0 }]);
});
