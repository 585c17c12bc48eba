/**
 * The one table of who may do what. Routes and stores ask `can(role, permission)` (server:
 * `assertCan`) instead of comparing role names, so a new role or a changed rule is one edit here.
 */

export const roles = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = {
  /** chat in the UI, conversations, topics, files, feedback, shares, speech, own settings */
  chat: ['owner', 'admin', 'member', 'viewer'],
  /** list models, call /v1 models and embeddings */
  'models.use': ['owner', 'admin', 'member', 'viewer'],
  /** read knowledge bases one is a member of (or whose team one is in) */
  'knowledge.read': ['owner', 'admin', 'member', 'viewer'],
  /** create knowledge bases, upload, edit, manage members (each also needs the member role there) */
  'knowledge.write': ['owner', 'admin', 'member'],
  /** use agents shared with one */
  'agents.use': ['owner', 'admin', 'member', 'viewer'],
  /** create, edit, copy, import agents; submit to the plaza */
  'agents.create': ['owner', 'admin', 'member'],
  /** create and revoke one's own API keys */
  'keys.create': ['owner', 'admin', 'member'],
  /** see and edit every agent and knowledge base, whoever owns it */
  'resources.all': ['owner', 'admin'],
  /** users (create, disable, change roles up to admin), other people's keys */
  'users.manage': ['owner', 'admin'],
  /** grant or take away the admin and owner roles */
  'admins.manage': ['owner'],
  'teams.manage': ['owner', 'admin'],
  /** providers and their keys */
  'providers.manage': ['owner', 'admin'],
  /** moderation lexicons, plaza reviews */
  'moderation.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** Administrators in the broad sense (the admin panel): owner and admin. */
export function isAdminRole(role: Role): boolean {
  return can(role, 'users.manage');
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) => can(role, p));
}
