import type { Config } from '../config';
import type { SafeFetchOptions } from '../net/safe-fetch';
import { builtinTools } from './builtin-tools';
import { type McpServers, mcpServers } from './mcp/mcp-servers';
import { createToolFetch } from './tool-fetch';
import { ToolRegistry } from './tool-registry';

/** The server's tools: the built-ins, and the tools of the configured MCP servers. */
export interface ToolHost {
  registry(): Promise<ToolRegistry>;
  close(): Promise<void>;
}

export interface ToolHostOptions {
  /** replaces DNS for every tool fetch; tests only */
  lookup?: SafeFetchOptions['lookup'];
  now?: () => Date;
}

export function createToolHost(config: Config, options: ToolHostOptions = {}): ToolHost {
  const fetch = createToolFetch(config.tools.trustedHosts, options.lookup);
  const builtins = builtinTools(config.tools, fetch, options.now);
  const mcp: McpServers | undefined =
    Object.keys(config.tools.mcpServers).length > 0
      ? mcpServers(config.tools.mcpServers, {
          connectTimeoutMs: config.tools.timeoutMs,
          onError: (server, error) =>
            console.error(`[qiao] MCP server ${server} is unavailable: ${(error as Error).message}`),
        })
      : undefined;
  return {
    registry: async () => new ToolRegistry([...builtins, ...((await mcp?.tools()) ?? [])]),
    close: async () => mcp?.close(),
  };
}

const hosts = new WeakMap<Config, ToolHost>();

/** One host per app (keyed by its config), created on first use so start-up stays fast. */
export function toolHostFor(config: Config): ToolHost {
  let host = hosts.get(config);
  if (!host) {
    host = createToolHost(config);
    hosts.set(config, host);
  }
  return host;
}

/** Closes the app's MCP connections (their child processes end with them). */
export async function closeToolHost(config: Config): Promise<void> {
  const host = hosts.get(config);
  hosts.delete(config);
  await host?.close();
}
