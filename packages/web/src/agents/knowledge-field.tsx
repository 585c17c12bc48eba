import type { KnowledgeBaseDto } from '@qiao/core';
import { useOptionalApi } from '../lib/use-optional-api';
import { useAgentText } from './use-agent-text';

/** Knowledge bases the agent answers from: the user's own and those shared with them. */
export function KnowledgeField({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useAgentText();
  const reply = useOptionalApi<{ knowledgeBases: KnowledgeBaseDto[] }>('/api/knowledge-bases');
  const bases = reply?.knowledgeBases ?? [];
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value, id] : value.filter((other) => other !== id));

  return (
    <fieldset className="agent-field">
      <legend>{t('knowledgeBases')}</legend>
      {bases.length === 0 ? (
        <p className="muted small">{t('noKnowledgeBases')}</p>
      ) : (
        <div className="check-grid">
          {bases.map((base) => (
            <label key={base.id} className="check">
              <input
                type="checkbox"
                checked={value.includes(base.id)}
                onChange={(e) => toggle(base.id, e.target.checked)}
                aria-label={base.name}
                data-testid="agent-kb"
              />
              {base.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
