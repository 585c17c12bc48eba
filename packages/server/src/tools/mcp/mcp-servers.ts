import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { McpServerConfig } from '../../config';
import type { Tool } from '../tool';
import { connectMcp } from './connect-mcp';
import { listMcpTools } from './mcp-tools';

export interface McpServers {
  /** every reachable server's tools; connects on first use, retries failed servers next time */
  tools(): Promise<Tool[]>;
  close(): Promise<void>;
}

interface Connected {
  client: Client;
  tools: Tool[];
}

export function mcpServers(
  configs: Record<string, McpServerConfig>,
  options: { connectTimeoutMs: number; onError?: (server: string, error: unknown) => void },
): McpServers {
  const connections = new Map<string, Promise<Connected>>();

  const connect = (name: string, config: McpServerConfig): Promise<Connected> => {
    let pending = connections.get(name);
    if (!pending) {
      const signal = AbortSignal.timeout(options.connectTimeoutMs);
      pending = (async () => {
        const client = await connectMcp(name, config, signal);
        try {
          const trusted = config.trustPersonalData === true;
          return { client, tools: await listMcpTools(name, client, signal, trusted) };
        } catch (error) {
          await client.close().catch(() => {});
          throw error;
        }
      })();
      // a server that is down now may be up for the next turn
      pending.catch((error) => {
        connections.delete(name);
        options.onError?.(name, error);
      });
      connections.set(name, pending);
    }
    return pending;
  };

  return {
    async tools() {
      const settled = await Promise.allSettled(
        Object.entries(configs).map(([name, config]) => connect(name, config)),
      );
      return settled.flatMap((result) => (result.status === 'fulfilled' ? result.value.tools : []));
    },
    async close() {
      const open = [...connections.values()];
      connections.clear();
      await Promise.allSettled(open.map(async (pending) => (await pending).client.close()));
    },
  };
}
