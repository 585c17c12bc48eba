/** GET /api/tools: what an agent may be given, built-in and from the configured MCP servers. */
export interface ToolInfoDto {
  /** the name an agent's `tools` list uses */
  name: string;
  description: string;
  source: 'builtin' | 'mcp';
  /** the MCP server's name in QIAO_MCP_SERVERS; absent for built-in tools */
  server?: string;
}
