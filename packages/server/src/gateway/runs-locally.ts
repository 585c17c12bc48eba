import type { Gateway } from './gateway';

/**
 * True when every model of the chain runs in-process. Their structured output is a llama.cpp
 * grammar, where a string only ends when the model picks the closing quote: callers add
 * length bounds that cloud models must not get (OpenAI's strict mode refuses them).
 */
export async function runsLocally(gateway: Gateway, model: string): Promise<boolean> {
  const chain = await gateway.resolve(model);
  return chain.length > 0 && chain.every((info) => info.local === true);
}
