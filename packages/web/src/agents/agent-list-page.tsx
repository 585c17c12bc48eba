import type { AgentDto } from '@qiao/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AgentCard } from './agent-card';
import { agentsApi, chatWithAgentPath } from './agents-api';
import { DraftBox } from './draft-box';
import { ImportButton } from './import-button';
import { useAgentText } from './use-agent-text';

/** /agents: one sentence → draft, import, and the user's agents (plus those shared with them). */
export function AgentListPage() {
  const { t } = useAgentText();
  const navigate = useNavigate();
  const [agents, setAgents] = useState<AgentDto[]>();
  const [error, setError] = useState<string>();

  const reload = useCallback(() => {
    agentsApi
      .list()
      .then(setAgents)
      .catch((caught: Error) => setError(t('loadFailed') + caught.message));
  }, [t]);
  useEffect(reload, [reload]);

  return (
    <div className="agents-home">
      <DraftBox />
      <div className="agents-toolbar">
        <h3>{t('myAgents')}</h3>
        <span className="spacer" />
        <ImportButton onImported={(agent) => navigate(`/agents/${agent.id}`)} />
        <Link to="/agents/new" className="button primary" aria-label={t('newAgent')} data-testid="agent-new">
          + {t('newAgent')}
        </Link>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {agents?.length === 0 && <p className="muted">{t('noAgents')}</p>}
      <ul className="agent-grid">
        {agents?.map((agent) => (
          <AgentCard key={agent.id} agent={agent} testId="agent-card">
            <button
              type="button"
              className="primary small"
              onClick={() => navigate(chatWithAgentPath(agent.id))}
              aria-label={`${t('chat')}: ${agent.name}`}
              data-testid="agent-card-chat"
            >
              {t('chat')}
            </button>
            <Link
              to={`/agents/${agent.id}`}
              className="button small"
              aria-label={`${t('edit')}: ${agent.name}`}
              data-testid="agent-card-edit"
            >
              {agent.editable ? t('edit') : t('versions')}
            </Link>
          </AgentCard>
        ))}
      </ul>
    </div>
  );
}
