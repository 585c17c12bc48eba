import type { AgentMessageKey } from './agent-messages';
import { useAgentText } from './use-agent-text';

/**
 * The built-in tools (packages/server/src/tools/builtin). The server has no endpoint that lists
 * tools yet, so MCP tools are typed by name.
 */
export const builtinToolNames = [
  'current_time',
  'get_weather',
  'web_search',
  'read_url',
  'calculator',
] as const;

export function ToolsField({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useAgentText();
  const builtin = new Set<string>(builtinToolNames);
  const extra = value.filter((name) => !builtin.has(name));
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...value, name] : value.filter((other) => other !== name));

  return (
    <fieldset className="agent-field tools-field">
      <legend>{t('tools')}</legend>
      <div className="check-grid">
        {builtinToolNames.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={value.includes(name)}
              onChange={(e) => toggle(name, e.target.checked)}
              aria-label={t(`tool.${name}` as AgentMessageKey)}
              data-testid={`agent-tool-${name}`}
            />
            {t(`tool.${name}` as AgentMessageKey)}
          </label>
        ))}
      </div>
      <input
        defaultValue={extra.join(', ')}
        placeholder={t('extraTools')}
        aria-label={t('extraTools')}
        onBlur={(e) => {
          const typed = e.target.value
            .split(/[,，\s]+/)
            .map((name) => name.trim())
            .filter(Boolean);
          onChange([...value.filter((name) => builtin.has(name)), ...new Set(typed)]);
        }}
      />
    </fieldset>
  );
}
