import type { SessionUser } from '../auth/session';

/** Who sees the admin pages; the server checks every request again (requireAdmin). */
export const isAdmin = (user: Pick<SessionUser, 'role'>): boolean =>
  user.role === 'owner' || user.role === 'admin';
