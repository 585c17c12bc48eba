import { type ChatStreamPart, type PiiVault, PlaceholderRestorer } from '@qiao/core';

export interface RestoreOptions {
  /** false: tool-call arguments keep their placeholders (a server-side tool loop restores them per tool) */
  toolArguments: boolean;
  /** tool names as sent → as declared */
  toolNames: ReadonlyMap<string, string>;
}

/**
 * Puts the vault's placeholders back into a streamed answer: text and reasoning as they stream
 * (a placeholder split across chunks is held until it is whole), tool calls by name always and
 * by arguments when asked.
 */
export async function* restorePlaceholders(
  stream: AsyncIterable<ChatStreamPart>,
  vault: PiiVault,
  options: RestoreOptions,
): AsyncIterable<ChatStreamPart> {
  const text = new PlaceholderRestorer(vault);
  const reasoning = new PlaceholderRestorer(vault);
  const toolArgs = new Map<number, PlaceholderRestorer>();
  const toolName = (name: string) => options.toolNames.get(name) ?? name;
  const flush = function* (): Iterable<ChatStreamPart> {
    const restText = text.end();
    if (restText) yield { type: 'text-delta', text: restText };
    const restReasoning = reasoning.end();
    if (restReasoning) yield { type: 'reasoning-delta', text: restReasoning };
  };
  for await (const part of stream) {
    switch (part.type) {
      case 'text-delta': {
        const out = text.write(part.text);
        if (out) yield { ...part, text: out };
        break;
      }
      case 'reasoning-delta': {
        const out = reasoning.write(part.text);
        if (out) yield { ...part, text: out };
        break;
      }
      case 'tool-call-delta': {
        if (!options.toolArguments) {
          yield { ...part, name: toolName(part.name) };
          break;
        }
        const restorer = toolArgs.get(part.index) ?? new PlaceholderRestorer(vault);
        toolArgs.set(part.index, restorer);
        yield { ...part, name: toolName(part.name), argumentsDelta: restorer.write(part.argumentsDelta) };
        break;
      }
      case 'tool-call': {
        const rest = toolArgs.get(part.index)?.end();
        if (rest)
          yield {
            type: 'tool-call-delta',
            index: part.index,
            id: part.id,
            name: toolName(part.name),
            argumentsDelta: rest,
          };
        yield* flush();
        const args = options.toolArguments ? vault.restore(part.arguments) : part.arguments;
        yield { ...part, name: toolName(part.name), arguments: args };
        break;
      }
      case 'usage':
      case 'finish':
      case 'error':
        yield* flush();
        yield part;
        break;
      default:
        yield part;
    }
  }
  yield* flush();
}
