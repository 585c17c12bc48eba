/**
 * One schema for PGlite and Postgres, one file of tables per area under ./tables;
 * migrations in ./migrations are generated from them (`npm run db:generate -w @qiao/server`).
 */

export * from './tables/access';
export * from './tables/agents';
export * from './tables/chat-extras';
export * from './tables/core';
export * from './tables/knowledge';
export * from './tables/knowledge-postings';
export * from './tables/safety';
