import type { ChatMessage, ChatStreamPart, ToolCall } from '@qiao/core';
import { messageText } from '@qiao/core';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-env';
import type { ToolRegistry } from '../tool-registry';
import type { StepRequest } from './prepare-tooling';

/** The real-time tools a classifier can pick, with the one argument each needs. */
const intentTools = {
  current_time: 'timezone',
  get_weather: 'city',
  web_search: 'query',
  read_url: 'url',
  calculator: 'expression',
} as const;

/** Lengths for the local runtime's grammar, which otherwise lets a small model write a string forever. */
const localBounds = { city: 40, query: 120, url: 300, expression: 120, timezone: 40 } as const;

type IntentTool = keyof typeof intentTools;

/**
 * True unless the model is known not to call tools: a preset says so (the local runtime, some
 * vendors' small models) or QIAO_NO_TOOL_MODELS lists it.
 */
export async function modelSupportsTools(deps: AppDeps, model: string): Promise<boolean> {
  const listed = deps.config.tools.noToolModels;
  if (listed.includes(model)) return false;
  try {
    const [info] = await deps.gateway.resolve(model);
    if (!info) return true;
    return !listed.includes(info.id) && info.supportsTools !== false;
  } catch {
    return true;
  }
}

/**
 * For models without tool calling: one small structured call decides whether the last user
 * message needs a real-time tool, and with which argument. Any failure means "no tool", so
 * the answer is never held up by the classifier.
 */
export async function classifyIntent(
  registry: ToolRegistry,
  messages: readonly ChatMessage[],
  open: (step: StepRequest) => Promise<AsyncIterable<ChatStreamPart>>,
  now: { date: string; timeZone: string },
  /** the model runs locally: bound the strings (gateway/runs-locally.ts) */
  bounded = false,
): Promise<ToolCall | undefined> {
  const available = (Object.keys(intentTools) as IntentTool[]).filter((name) => registry.get(name));
  const question = messages.findLast((m) => m.role === 'user');
  if (available.length === 0 || !question) return undefined;
  const schema = z.object({
    tool: z.enum(['none', ...available]),
    city: z.string(),
    query: z.string(),
    url: z.string(),
    expression: z.string(),
    timezone: z.string(),
  });
  const { $schema: _ignored, ...jsonSchema } = schema.toJSONSchema() as Record<string, unknown>;
  if (bounded) {
    // Bounds in the grammar only: unpaired bytes may decode to more characters than it counted.
    const properties = jsonSchema.properties as Record<string, object>;
    for (const [name, maxLength] of Object.entries(localBounds))
      properties[name] = { ...properties[name], maxLength };
  }
  const instructions = [
    `Today is ${now.date} (${now.timeZone}). Decide whether answering the user's message needs one of these real-time tools:`,
    ...available.map((name) => `- ${name}: ${registry.get(name)!.description}`),
    'Answer with JSON: "tool" is the tool name or "none"; fill the field the tool needs (city, query, url, expression or timezone) and leave the others empty.',
  ].join('\n');
  let text = '';
  try {
    const stream = await open({
      messages: [
        { role: 'system', content: instructions },
        { role: 'user', content: messageText(question) },
      ],
      responseFormat: { type: 'json_schema', name: 'tool_intent', schema: jsonSchema, strict: true },
      temperature: 0,
      // a bounded grammar ends on its own; a character may take two byte tokens
      maxTokens: bounded ? 2 * Object.values(localBounds).reduce((a: number, b) => a + b, 0) + 100 : 200,
    });
    for await (const part of stream) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') return undefined;
    }
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(parseLooseJson(text));
  if (!parsed.success || parsed.data.tool === 'none') return undefined;
  const name = parsed.data.tool as IntentTool;
  const field = intentTools[name];
  const value = parsed.data[field].trim();
  if (!value && field !== 'timezone') return undefined;
  return { id: 'intent_1', name, arguments: JSON.stringify(value ? { [field]: value } : {}) };
}

/** Small models wrap JSON in prose or code fences; take the outermost object. */
function parseLooseJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}
