import { AppError, type ToolDefinition } from '@qiao/core';
import type { Tool } from './tool';

/** The tools one turn may use, by name; what the model is offered comes from here. */
export class ToolRegistry {
  readonly #tools = new Map<string, Tool>();

  constructor(tools: readonly Tool[] = []) {
    for (const tool of tools) this.add(tool);
  }

  add(tool: Tool): void {
    if (this.#tools.has(tool.name)) throw new AppError('conflict', `Two tools are named ${tool.name}`);
    this.#tools.set(tool.name, tool);
  }

  get(name: string): Tool | undefined {
    return this.#tools.get(name);
  }

  get size(): number {
    return this.#tools.size;
  }

  list(): Tool[] {
    return [...this.#tools.values()];
  }

  definitions(): ToolDefinition[] {
    return this.list().map(({ name, description, parameters }) => ({ name, description, parameters }));
  }
}
