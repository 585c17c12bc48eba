import { z } from 'zod';

/**
 * What an agent does with personal data when its model is a cloud model: `redact` replaces it
 * with placeholders and restores them in the answer, `local` sends the whole request to a local
 * model instead (small–large collaboration), `block` refuses the request.
 */
export const piiActions = ['redact', 'local', 'block'] as const;
export type PiiAction = (typeof piiActions)[number];

/**
 * What a user message that looks like prompt injection does: `block` refuses it, `warn` records
 * it and reminds the model to keep to its own instructions, `log` only records it.
 */
export const injectionActions = ['block', 'warn', 'log'] as const;
export type InjectionAction = (typeof injectionActions)[number];

/** An agent's safety policy; plain chats and /v1 model calls use the defaults. */
export const safetyPolicy = z.strictObject({
  pii: z.enum(piiActions).default('redact'),
  /** with `pii: local`: the local model to use (`local/<name>`); the first one installed when absent */
  localModel: z
    .string()
    .trim()
    .regex(/^local\//, 'must be a local model id (local/<name>)')
    .max(200)
    .optional(),
  injection: z.enum(injectionActions).default('log'),
  /** also ask the configured external `/moderations` service about each user message */
  externalModeration: z.boolean().default(false),
});
export type SafetyPolicy = z.infer<typeof safetyPolicy>;

export const defaultSafetyPolicy: SafetyPolicy = Object.freeze({
  pii: 'redact',
  injection: 'log',
  externalModeration: false,
});
