export * from './api-key-scopes';
export * from './permissions';
