import { PiiVault, placeholderPattern } from '@qiao/core';
import type { RequestOrigin } from '../../gateway/gateway';
import type { RecordSafetyEvent } from '../../safety/safety-events';
import type { Tool } from '../tool';

/** The placeholders of one tool loop, and who may see what they stand for. */
export interface ToolPii {
  /** shared by every model call of the loop, so a value keeps its placeholder */
  vault: PiiVault;
  /**
   * The arguments `tool` runs with. The model only ever saw placeholders; they are restored
   * for a tool trusted with personal data (each restore is a `pii` / `restore` safety event)
   * and stay as they are for any other, so a network tool cannot carry the values off.
   */
  argumentsFor(tool: Tool, args: unknown): unknown;
}

export function toolPii(
  record: RecordSafetyEvent,
  origin: RequestOrigin & { model: string },
  vault = new PiiVault(),
): ToolPii {
  return {
    vault,
    argumentsFor(tool, args) {
      if (!tool.trustedWithPersonalData || vault.size === 0) return args;
      const counts: Record<string, number> = {};
      const restore = (value: unknown): unknown => {
        if (typeof value === 'string')
          return value.replace(placeholderPattern, (placeholder, label: string) => {
            const original = vault.original(placeholder);
            if (original === undefined) return placeholder;
            counts[label] = (counts[label] ?? 0) + 1;
            return original;
          });
        if (Array.isArray(value)) return value.map(restore);
        if (value && typeof value === 'object')
          return Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [restore(key), restore(inner)]),
          );
        return value;
      };
      const restored = restore(args);
      if (Object.keys(counts).length > 0)
        record(
          {
            kind: 'pii',
            direction: 'output',
            category: tool.name,
            action: 'restore',
            detail: { tool: tool.name, counts },
          },
          origin,
        );
      return restored;
    },
  };
}
