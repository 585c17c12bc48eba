import type { AgentDto } from '@qiao/core';
import type { ReactNode } from 'react';
import { AgentAvatar } from './agent-avatar';
import type { AgentMessageKey } from './agent-messages';
import { useAgentText } from './use-agent-text';
import './agents.css';

/** An agent at a glance: avatar, name, category, description, and the actions the page passes. */
export function AgentCard({
  agent,
  testId,
  children,
}: {
  agent: AgentDto;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useAgentText();
  return (
    <li className="agent-card" data-testid={testId} data-agent-id={agent.id}>
      <div className="agent-card-head">
        <AgentAvatar avatar={agent.avatar} url={agent.avatarUrl} />
        <div className="agent-card-title">
          <strong data-testid="agent-card-name">{agent.name}</strong>
          <span className="muted small">
            {t(`cat.${agent.category}` as AgentMessageKey)}
            {agent.builtIn ? ` · ${t('builtIn')}` : ''}
          </span>
        </div>
      </div>
      <p className="agent-card-description">{agent.description}</p>
      <div className="agent-card-actions">{children}</div>
    </li>
  );
}
