import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { McpServerConfig } from '../../config';

/**
 * Connects to one MCP server: a child process over stdio, or streamable HTTP. The child gets
 * the SDK's minimal environment (PATH, HOME…) plus what its config names, never Qiao's keys.
 */
export async function connectMcp(
  name: string,
  server: McpServerConfig,
  signal: AbortSignal,
): Promise<Client> {
  const client = new Client({ name: `qiao-${name}`, version: '0.1.0' });
  const transport =
    'command' in server
      ? new StdioClientTransport({
          command: server.command,
          args: server.args,
          env: { ...getDefaultEnvironment(), ...server.env },
          stderr: 'ignore',
        })
      : new StreamableHTTPClientTransport(new URL(server.url), {
          requestInit: { headers: server.headers ?? {} },
        });
  await client.connect(transport, { signal });
  return client;
}
