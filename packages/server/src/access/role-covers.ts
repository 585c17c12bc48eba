import { permissionsOf, type Role } from '@qiao/core';

/**
 * True when `actor` holds every permission `target` has. Derived from the permission table,
 * not from a rank, so a future role that is neither above nor below another is handled too.
 * Nobody acts for, or hands out, a role this is false for (keys, role changes, new users).
 */
export function roleCovers(actor: Role, target: Role): boolean {
  const held = new Set(permissionsOf(actor));
  return permissionsOf(target).every((permission) => held.has(permission));
}
