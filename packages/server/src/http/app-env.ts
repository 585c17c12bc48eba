import type { Role } from '@qiao/core';
import type { ApiKeyPolicy } from '../access/api-key-policy';
import type { KeyAncestor } from '../access/key-ancestors';
import type { Config } from '../config';
import type { Database } from '../db';
import type { Gateway } from '../gateway/gateway';
import type { KnowledgeService } from '../knowledge/knowledge-service';
import type { ChatGuard } from '../safety/chat-guard';

/** The authenticated caller, set by the auth middleware on every route but /health. */
export interface AuthContext {
  userId: string;
  username: string;
  role: Role;
  /** set when the caller used an API key instead of a session cookie */
  apiKeyId?: string;
  /** the key's limits (scopes, expiry, quotas, allow-lists); absent = owner's full access */
  keyPolicy?: ApiKeyPolicy;
  /** the keys that minted this one (parent first) that have daily quotas: they count it too */
  keyAncestors?: KeyAncestor[];
  /** set for the `qiao` CLI on this machine, authenticated by the per-process local token */
  local?: boolean;
}

/** Everything a route needs, built once at start-up and passed down (no globals). */
export interface AppDeps {
  config: Config;
  database: Database;
  gateway: Gateway;
  /** wrap every model call of the chat service and /v1 (moderation, PII redaction...) */
  guards?: ChatGuard[];
  /** random per-process token (written to a 0600 file) that lets the local `qiao` CLI act as admin */
  localToken?: string;
  /** the ingestion queue; started by startServer, created on first use when absent (tests) */
  knowledge?: KnowledgeService;
}

export interface AppEnv {
  Variables: {
    auth: AuthContext;
    requestId: string;
  };
}
