import type { KnowledgeBaseDto } from '@qiao/core';
import { CheckList } from '../lib/check-list';
import { useOptionalApi } from '../lib/use-optional-api';
import { useAgentText } from './use-agent-text';

/** Knowledge bases the agent answers from: the user's own and those shared with them. */
export function KnowledgeField({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useAgentText();
  const reply = useOptionalApi<{ knowledgeBases: KnowledgeBaseDto[] }>('/api/knowledge-bases');
  const bases = reply?.knowledgeBases ?? [];

  return (
    <fieldset className="agent-field">
      <legend>{t('knowledgeBases')}</legend>
      {bases.length === 0 ? (
        <p className="muted small">{t('noKnowledgeBases')}</p>
      ) : (
        <CheckList
          items={bases.map((base) => ({ id: base.id, label: base.name }))}
          value={value}
          onChange={onChange}
          testId="agent-kb"
        />
      )}
    </fieldset>
  );
}
