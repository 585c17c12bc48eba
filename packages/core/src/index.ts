export * from './app-error';
export * from './chat-message';
export * from './chat-stream';
export * from './context-window';
export * from './contracts/index';
export * from './token-estimate';
