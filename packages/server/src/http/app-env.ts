import type { Config } from '../config';
import type { Database } from '../db';
import type { Gateway } from '../gateway/gateway';

/** The authenticated caller, set by the auth middleware on every route but /health. */
export interface AuthContext {
  userId: string;
  username: string;
  role: 'admin' | 'member';
  /** set when the caller used an API key instead of a session cookie */
  apiKeyId?: string;
}

/** Everything a route needs, built once at start-up and passed down (no globals). */
export interface AppDeps {
  config: Config;
  database: Database;
  gateway: Gateway;
}

export interface AppEnv {
  Variables: {
    auth: AuthContext;
    requestId: string;
  };
}
