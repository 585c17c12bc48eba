import { z } from 'zod';
import { apiKeyScopes } from '../auth/api-key-scopes';
import { roles } from '../auth/permissions';

/** Request bodies of /api/teams, /api/keys and PATCH /api/users/:id (docs/access-control.md). */

const teamName = z.string().trim().min(1).max(100);

export const createTeamBody = z.strictObject({ name: teamName });
export type CreateTeamBody = z.infer<typeof createTeamBody>;

export const addTeamMemberBody = z.strictObject({ username: z.string().trim().min(1).max(200) });
export type AddTeamMemberBody = z.infer<typeof addTeamMemberBody>;

export const shareWithTeamBody = z.strictObject({
  kind: z.enum(['agent', 'kb']),
  resourceId: z.string().min(1).max(200),
  role: z.enum(['read', 'write']).default('read'),
});
export type ShareWithTeamBody = z.infer<typeof shareWithTeamBody>;

export interface TeamDto {
  id: string;
  name: string;
  members: { userId: string; username: string }[];
}

export const updateUserBody = z
  .strictObject({ disabled: z.boolean().optional(), role: z.enum(roles).optional() })
  .refine((b) => b.disabled !== undefined || b.role !== undefined, 'Give "disabled" or "role"');
export type UpdateUserBody = z.infer<typeof updateUserBody>;

/** `a.b.c.d/nn` or an IPv6 block; checked again by the server's CIDR parser. */
const cidr = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'Not an IP address or CIDR block');

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** an administrator may create a key for someone else */
  username: z.string().min(1).optional(),
  scopes: z.array(z.enum(apiKeyScopes)).min(1).max(apiKeyScopes.length).optional(),
  expiresAt: z.coerce.date().optional(),
  dailyRequests: z.number().int().min(1).max(100_000_000).optional(),
  dailyTokens: z.number().int().min(1).max(1_000_000_000_000).optional(),
  models: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
  ips: z.array(cidr).min(1).max(100).optional(),
  rateLimit: z.number().int().min(1).max(1_000_000).optional(),
});
export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;
