export * as schema from './schema';
export * from './open-database';
