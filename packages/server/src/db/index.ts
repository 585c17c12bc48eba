export * from './open-database';
export * as schema from './schema';
