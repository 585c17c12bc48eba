import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthContext } from '../http/app-env';

const caller = new AsyncLocalStorage<AuthContext>();

/**
 * The authenticated caller of the request being served, for checks deep in a call chain that
 * must hold on every path, present and future: an API key's model allow-list is enforced where
 * a chat model is chosen (chat/resolve-chat-model.ts), whichever route, agent or helper chose
 * it. Routes still receive `auth` explicitly; this is only for such cross-cutting limits.
 */
export function runAsCaller<T>(auth: AuthContext, fn: () => T): T {
  return caller.run(auth, fn);
}

/** Undefined outside a request (the CLI's direct backend, background jobs, tests without auth). */
export function currentCaller(): AuthContext | undefined {
  return caller.getStore();
}
