import type { ToolInfoDto } from '@qiao/core';
import { useOptionalApi } from '../lib/use-optional-api';
import { type AgentMessageKey, agentMessagesZh } from './agent-messages';
import { useAgentText } from './use-agent-text';

/** What the editor offers until GET /api/tools answers (or if it cannot). */
const fallback: ToolInfoDto[] = ['current_time', 'get_weather', 'web_search', 'read_url', 'calculator'].map(
  (name) => ({ name, description: '', source: 'builtin' }),
);

/**
 * The tools an agent may use, as the server lists them: built-ins (with translated labels) and
 * the tools of the configured MCP servers. A chosen tool the server does not list now (its MCP
 * server is down) stays chosen and is marked unavailable.
 */
export function ToolsField({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useAgentText();
  const listed = useOptionalApi<{ tools: ToolInfoDto[] }>('/api/tools')?.tools ?? fallback;
  const names = new Set(listed.map((tool) => tool.name));
  const missing = value.filter((name) => !names.has(name));
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...value, name] : value.filter((other) => other !== name));

  const labelOf = (tool: ToolInfoDto) => {
    const key = `tool.${tool.name}`;
    return tool.source === 'builtin' && key in agentMessagesZh ? t(key as AgentMessageKey) : tool.name;
  };
  const check = (name: string, label: string, title?: string) => (
    <label key={name} className="check" title={title}>
      <input
        type="checkbox"
        checked={value.includes(name)}
        onChange={(e) => toggle(name, e.target.checked)}
        aria-label={label}
        data-testid={`agent-tool-${name}`}
      />
      {label}
    </label>
  );
  const mcp = listed.filter((tool) => tool.source === 'mcp');

  return (
    <fieldset className="agent-field tools-field" data-testid="agent-tools">
      <legend>{t('tools')}</legend>
      <div className="check-grid">
        {listed
          .filter((tool) => tool.source === 'builtin')
          .map((tool) => check(tool.name, labelOf(tool), tool.description || undefined))}
      </div>
      {mcp.length + missing.length > 0 && (
        <>
          <p className="muted small">{t('mcpTools')}</p>
          <div className="check-grid">
            {mcp.map((tool) => check(tool.name, tool.name, tool.description || undefined))}
            {missing.map((name) => check(name, `${name} ${t('unavailableTool')}`))}
          </div>
        </>
      )}
    </fieldset>
  );
}
