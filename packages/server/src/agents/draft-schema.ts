import { agentCategories } from '@qiao/core';
import { z } from 'zod';

/**
 * Trimmed and cut to `max` characters: a grammar counts code points, and bytes a small model
 * leaves unpaired decode to several replacement characters, so lengths can exceed the bound.
 */
function clipped(max: number) {
  return z.string().transform((text) => clipText(text.trim(), max).trim());
}

/** `text` cut to `max` code points. */
export function clipText(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}

/**
 * What the model fills in; the rest of the spec keeps its defaults until the user edits it.
 * Blank suggestions are dropped rather than failing the draft (small local models write them);
 * the persona is not trimmed, so the grammar's minLength is what it is checked against.
 */
export const draftShape = z.object({
  name: clipped(60),
  avatar: z.string().optional(),
  description: clipped(500),
  category: z.enum(agentCategories).catch('other'),
  persona: z.string().min(20).max(20_000),
  welcome: clipped(2_000),
  suggestions: z
    .array(clipped(200))
    .max(5)
    .transform((items) => items.filter((item) => item !== ''))
    .pipe(z.array(z.string()).min(1)),
});

/**
 * Character bounds for the local runtime's grammar. A grammar-constrained string only ends when
 * the model picks the closing quote; a small model may never do so, and the bounds force it.
 * Cloud models do not get them: OpenAI's strict mode refuses minLength/maxLength.
 */
export const localBounds = {
  name: { minLength: 1, maxLength: 40 },
  avatar: { minLength: 1, maxLength: 8 },
  description: { maxLength: 200 },
  persona: { minLength: 20, maxLength: 1_200 },
  welcome: { minLength: 1, maxLength: 300 },
  suggestion: { minLength: 1, maxLength: 80 },
} as const;

/** The JSON Schema of draftShape; `bounded` adds the local grammar's string lengths. */
export function draftSchema(bounded: boolean) {
  const text = (description: string, bounds: { minLength?: number; maxLength: number }) => ({
    type: 'string',
    description,
    ...(bounded ? bounds : {}),
  });
  return {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'avatar', 'description', 'category', 'persona', 'welcome', 'suggestions'],
    properties: {
      name: text('short display name', localBounds.name),
      avatar: text('one emoji', localBounds.avatar),
      description: text('one sentence: what it helps with', localBounds.description),
      category: { type: 'string', enum: [...agentCategories] },
      persona: text('the system prompt: role, style, rules, limits', localBounds.persona),
      welcome: text('the first message a user sees', localBounds.welcome),
      suggestions: {
        type: 'array',
        items: text('a first question a user would ask', localBounds.suggestion),
        minItems: 3,
        maxItems: 5,
      },
    },
  };
}

const boundedChars =
  localBounds.name.maxLength +
  localBounds.avatar.maxLength +
  localBounds.description.maxLength +
  localBounds.persona.maxLength +
  localBounds.welcome.maxLength +
  5 * localBounds.suggestion.maxLength;

/**
 * Room for the longest bounded draft, so the grammar (not the token limit) ends it: a character
 * a small vocabulary lacks takes several byte tokens, hence two tokens per character, plus the
 * JSON around the strings.
 */
export const localDraftMaxTokens = 2 * boundedChars + 300;
