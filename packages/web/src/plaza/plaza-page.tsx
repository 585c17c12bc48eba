import { agentCategories } from '@qiao/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AgentCard } from '../agents/agent-card';
import type { AgentMessageKey } from '../agents/agent-messages';
import { agentsApi, chatWithAgentPath } from '../agents/agents-api';
import { useAgentText } from '../agents/use-agent-text';
import { useSession } from '../auth/session';
import { ChatHeader } from '../layout/chat-header';
import { useToast } from '../lib/toast';
import { ReviewQueue } from './review-queue';
import { usePlaza } from './use-plaza';
import './plaza.css';

/** /plaza: curated and approved agents by category, searchable; use one or copy it to edit. */
export default function PlazaPage() {
  const { t, locale } = useAgentText();
  const { user } = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [refresh, setRefresh] = useState(0);
  const { agents, error } = usePlaza(query, category, locale, refresh);
  // string roles: 'owner' arrives with access control, and the server checks anyway
  const reviewer = ['owner', 'admin'].includes(user.role as string);

  const copy = async (id: string) => {
    try {
      const mine = await agentsApi.copy(id, locale);
      toast(t('copied'));
      navigate(`/agents/${mine.id}`);
    } catch (caught) {
      toast((caught as Error).message);
    }
  };

  const chips = [{ value: '', label: t('allCategories') }].concat(
    agentCategories.map((c) => ({ value: c, label: t(`cat.${c}` as AgentMessageKey) })),
  );

  return (
    <main className="agents-page" data-testid="plaza-page">
      <ChatHeader title={t('plazaTitle')} />
      <div className="agents-body">
        {reviewer && <ReviewQueue onReviewed={() => setRefresh((n) => n + 1)} />}
        <input
          type="search"
          className="plaza-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('searchPlaza')}
          aria-label={t('searchPlaza')}
          data-testid="plaza-search"
        />
        <div className="plaza-chips" role="tablist" aria-label={t('category')}>
          {chips.map((chip) => (
            <button
              key={chip.value || 'all'}
              type="button"
              role="tab"
              aria-selected={category === chip.value}
              className={`chip ${category === chip.value ? 'active' : ''}`}
              onClick={() => setCategory(chip.value)}
              data-testid={`plaza-category-${chip.value || 'all'}`}
            >
              {chip.label}
            </button>
          ))}
        </div>
        {error && (
          <p className="error" role="alert">
            {t('loadFailed') + error}
          </p>
        )}
        {agents?.length === 0 && <p className="muted">{t('noResults')}</p>}
        <ul className="agent-grid">
          {agents?.map((agent) => (
            <AgentCard key={agent.id} agent={agent} testId="plaza-card">
              <button
                type="button"
                className="primary small"
                onClick={() => navigate(chatWithAgentPath(agent.id))}
                aria-label={`${t('use')}: ${agent.name}`}
                data-testid="plaza-use"
              >
                {t('use')}
              </button>
              <button
                type="button"
                className="small"
                onClick={() => void copy(agent.id)}
                aria-label={`${t('copyToMine')}: ${agent.name}`}
                data-testid="plaza-copy"
              >
                {t('copyToMine')}
              </button>
            </AgentCard>
          ))}
        </ul>
      </div>
    </main>
  );
}
