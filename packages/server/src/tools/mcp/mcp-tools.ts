import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { AppError } from '@qiao/core';
import type { Tool, ToolResult } from '../tool';

/** `mcp_<server>_<tool>`, in the characters and length (64) that model APIs accept. */
export function mcpToolName(server: string, tool: string): string {
  return `mcp_${server}_${tool}`.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
}

/**
 * The server's tools as Qiao tools; the server validates arguments against its own schema.
 * They see placeholders, not personal data, unless the server's config trusts it.
 */
export async function listMcpTools(
  server: string,
  client: Client,
  signal: AbortSignal,
  trustedWithPersonalData = false,
): Promise<Tool[]> {
  const { tools } = await client.listTools(undefined, { signal });
  return tools.map((tool) => ({
    name: mcpToolName(server, tool.name),
    description: `[MCP ${server}] ${tool.description ?? tool.title ?? tool.name}`,
    parameters: tool.inputSchema as Record<string, unknown>,
    trustedWithPersonalData,
    parse(args) {
      if (!args || typeof args !== 'object' || Array.isArray(args))
        throw new Error('arguments must be an object');
      return args;
    },
    async execute(args, { signal }) {
      const result = await client.callTool(
        { name: tool.name, arguments: args as Record<string, unknown> },
        undefined,
        { signal },
      );
      const text = contentText(result.content);
      if (result.isError) throw new AppError('upstream_error', text || `${tool.name} reported an error`);
      const out: ToolResult = { text: text || JSON.stringify(result.structuredContent ?? {}) };
      if (result.structuredContent) out.data = result.structuredContent;
      return out;
    },
  }));
}

function contentText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      if (part?.type === 'text') return String(part.text);
      if (part?.type === 'resource') return String(part.resource?.text ?? part.resource?.uri ?? '');
      if (part?.type === 'resource_link') return String(part.uri ?? '');
      return `[${part?.type ?? 'unknown'} content]`;
    })
    .join('\n');
}
