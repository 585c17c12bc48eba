import type { z } from 'zod';

/** A page a tool result came from, so the answer can cite it. */
export interface ToolSource {
  url: string;
  title?: string;
}

export interface ToolResult {
  /** what the model reads */
  text: string;
  /** the same facts as structured data, for the UI */
  data?: unknown;
  sources?: ToolSource[];
}

export interface ToolContext {
  /** aborted on stop or when the per-tool timeout fires */
  signal: AbortSignal;
}

/**
 * A tool the model can call. `parameters` is the JSON schema the model sees; `parse` checks
 * the model's arguments against it before `execute` runs, so execute gets typed input.
 */
export interface Tool<Args = unknown> {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  /**
   * The tool may receive personal data: placeholders (`[PHONE_1]`) in its arguments are
   * restored to the values they stand for, and each restore is audited. False by default:
   * anything that sends its arguments over the network would carry them off.
   */
  trustedWithPersonalData?: boolean;
  parse(args: unknown): Args;
  execute(args: Args, context: ToolContext): Promise<ToolResult>;
}

/** Builds a tool from a zod schema: the JSON schema and the argument check come from it. */
export function defineTool<S extends z.ZodType>(spec: {
  name: string;
  description: string;
  schema: S;
  trustedWithPersonalData?: boolean;
  execute(args: z.infer<S>, context: ToolContext): Promise<ToolResult>;
}): Tool<z.infer<S>> {
  const { $schema: _ignored, ...parameters } = spec.schema.toJSONSchema() as Record<string, unknown>;
  return {
    name: spec.name,
    description: spec.description,
    parameters,
    ...(spec.trustedWithPersonalData ? { trustedWithPersonalData: true } : {}),
    parse: (args) => spec.schema.parse(args),
    execute: spec.execute,
  };
}
