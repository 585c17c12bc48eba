import type { AgentDto, AgentVersionDto } from '@qiao/core';
import { useEffect, useState } from 'react';
import { useToast } from '../lib/toast';
import { agentsApi } from './agents-api';
import { useAgentText } from './use-agent-text';

/** Every saved version, newest first; restoring one saves it again as the newest. */
export function AgentVersions({
  agent,
  onRestored,
}: {
  agent: AgentDto;
  onRestored: (agent: AgentDto) => void;
}) {
  const { t, locale } = useAgentText();
  const toast = useToast();
  const [versions, setVersions] = useState<AgentVersionDto[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (saved, restored) reloads the list
  useEffect(() => {
    let live = true;
    agentsApi
      .versions(agent.id)
      .then((list) => live && setVersions([...list].sort((a, b) => b.version - a.version)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [agent.id, agent.version]);

  const restore = async (version: number) => {
    try {
      onRestored(await agentsApi.restore(agent.id, version));
      toast(t('restored'));
    } catch (error) {
      toast((error as Error).message);
    }
  };

  return (
    <section className="agent-versions" aria-label={t('versions')} data-testid="agent-versions">
      <h3>{t('versions')}</h3>
      <ol>
        {versions.map((v) => (
          <li key={v.version} data-testid="agent-version">
            <span>
              <strong>
                {t('version')} {v.version}
              </strong>{' '}
              <span className="muted small">
                {v.spec.name} · {new Date(v.createdAt).toLocaleString(locale)}
                {v.note ? ` · ${v.note}` : ''}
              </span>
            </span>
            {v.version === agent.version ? (
              <span className="muted small">{t('current')}</span>
            ) : (
              agent.editable && (
                <button
                  type="button"
                  className="ghost small"
                  onClick={() => void restore(v.version)}
                  aria-label={`${t('restore')} ${t('version')} ${v.version}`}
                  data-testid="agent-restore"
                >
                  {t('restore')}
                </button>
              )
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
