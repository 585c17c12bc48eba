import type { AgentDto } from '@qiao/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useToast } from '../lib/toast';
import { agentsApi, chatWithAgentPath } from './agents-api';
import { downloadJson } from './download-json';
import { useAgentText } from './use-agent-text';

/** What one can do with a saved agent besides editing it. */
export function AgentActions({ agent, onChange }: { agent: AgentDto; onChange: (agent: AgentDto) => void }) {
  const { t, locale } = useAgentText();
  const toast = useToast();
  const navigate = useNavigate();
  // a rejected agent may be submitted again, so the server (not the visibility) decides
  const [submitted, setSubmitted] = useState(false);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      toast((error as Error).message);
    }
  };

  const submit = () =>
    run(async () => {
      await agentsApi.submit(agent.id);
      setSubmitted(true);
      onChange({ ...agent, visibility: 'plaza' });
      toast(t('submitted'));
    });
  const exportJson = () =>
    run(async () => downloadJson(await agentsApi.exportFile(agent.id, locale), `${agent.slug}.agent.json`));
  const remove = () =>
    run(async () => {
      if (!window.confirm(t('confirmDeleteAgent'))) return;
      await agentsApi.remove(agent.id);
      toast(t('deleted'));
      navigate('/agents');
    });

  return (
    <div className="agent-actions">
      <button
        type="button"
        className="primary"
        onClick={() => navigate(chatWithAgentPath(agent.id))}
        aria-label={`${t('chat')}: ${agent.name}`}
        data-testid="agent-chat"
      >
        {t('chat')}
      </button>
      {agent.editable && !submitted && (
        <button
          type="button"
          onClick={() => void submit()}
          aria-label={t('submitPlaza')}
          data-testid="agent-submit"
        >
          {t('submitPlaza')}
        </button>
      )}
      <button
        type="button"
        className="ghost"
        onClick={() => void exportJson()}
        aria-label={t('export')}
        data-testid="agent-export"
      >
        {t('export')}
      </button>
      {agent.editable && (
        <button
          type="button"
          className="ghost danger"
          onClick={() => void remove()}
          aria-label={t('delete')}
          data-testid="agent-delete"
        >
          {t('delete')}
        </button>
      )}
    </div>
  );
}
