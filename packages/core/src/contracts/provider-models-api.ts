import { z } from 'zod';

/** GET /api/providers/:id/models: what the provider offers, and which of it Qiao serves. */
export interface ProviderModelsReply {
  models: { id: string; enabled: boolean }[];
  /** no choice stored: every model the provider lists is served, new ones included */
  allEnabled: boolean;
}

/** PUT /api/providers/:id/models: the ids to serve, or null to serve all (and follow discovery). */
export const providerModelsBody = z.strictObject({
  enabled: z.array(z.string().trim().min(1).max(200)).min(1).max(1000).nullable(),
});
export type ProviderModelsBody = z.infer<typeof providerModelsBody>;
