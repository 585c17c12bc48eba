export * from './app-error';
export * from './chat-message';
export * from './chat-stream';
