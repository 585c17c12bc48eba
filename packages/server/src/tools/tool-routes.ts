import type { ToolInfoDto } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import type { Tool } from './tool';
import { toolHostFor } from './tool-host';

/** MCP tools carry their server in the description (mcp/mcp-tools.ts): `[MCP <server>] …`. */
const mcpPrefix = /^\[MCP ([^\]]+)\] /;

export function toolInfo(tool: Tool): ToolInfoDto {
  const server = tool.name.startsWith('mcp_') ? mcpPrefix.exec(tool.description)?.[1] : undefined;
  if (server === undefined) return { name: tool.name, description: tool.description, source: 'builtin' };
  return { name: tool.name, description: tool.description.replace(mcpPrefix, ''), source: 'mcp', server };
}

/**
 * Mounted at /api/tools: the tools an agent may be given, for the agent editor. Listing
 * connects the MCP servers like a chat would; one that is down is left out.
 */
export function toolRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const registry = await toolHostFor(deps.config).registry();
    return c.json({ tools: registry.list().map(toolInfo) });
  });
  return app;
}
