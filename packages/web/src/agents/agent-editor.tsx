import type { AgentDto, AgentSpec } from '@qiao/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useModels } from '../chat/use-models';
import { useToast } from '../lib/toast';
import { AgentActions } from './agent-actions';
import { AgentForm } from './agent-form';
import { AgentVersions } from './agent-versions';
import { agentsApi, blankSpec, specOf } from './agents-api';
import { useAgentTeams } from './use-agent-teams';
import { useAgentText } from './use-agent-text';

/** Suggestions left blank are dropped rather than rejected. */
const cleaned = (spec: AgentSpec): AgentSpec => ({
  ...spec,
  suggestions: spec.suggestions.map((s) => s.trim()).filter(Boolean),
});

/** /agents/new (blank, or a draft handed over in the location state) and /agents/:id. */
export function AgentEditor() {
  const { t, locale } = useAgentText();
  const { id = 'new' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const toast = useToast();
  const { models } = useModels();
  const draft = (location.state as { draft?: AgentSpec } | null)?.draft;
  const [agent, setAgent] = useState<AgentDto>();
  const [loadedFor, setLoadedFor] = useState<string>();
  const [spec, setSpec] = useState<AgentSpec>(() => draft ?? blankSpec());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const teams = useAgentTeams(id === 'new' ? undefined : agent?.editable ? agent.id : undefined);

  useEffect(() => {
    if (id === 'new') return;
    let live = true;
    agentsApi
      .get(id, locale)
      .then((loaded) => {
        if (!live) return;
        setAgent(loaded);
        setSpec(specOf(loaded));
        setLoadedFor(id);
      })
      .catch((caught: Error) => live && setError(t('loadFailed') + caught.message));
    return () => {
      live = false;
    };
  }, [id, locale, t]);

  const adopt = (next: AgentDto) => {
    setAgent(next);
    setSpec(specOf(next));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      if (agent) {
        adopt(await agentsApi.update(agent.id, cleaned(spec)));
        if (spec.visibility === 'team') await teams.save(agent.id);
      } else {
        const created = await agentsApi.create(cleaned(spec));
        if (spec.visibility === 'team') await teams.save(created.id);
        navigate(`/agents/${created.id}`, { replace: true });
      }
      toast(t('savedVersion'));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const readOnly = agent !== undefined && !agent.editable;
  // a stored agent's form appears once it has loaded, never blank in between
  if (id !== 'new' && loadedFor !== id && !error) return <p className="muted">{t('loading')}</p>;
  return (
    <div className="agent-editor" data-testid="agent-editor">
      <div className="agent-editor-main">
        <div className="agent-editor-top">
          <Link to="/agents" className="ghost small" aria-label={t('back')}>
            ← {t('back')}
          </Link>
          {draft && !agent && (
            <span className="notice small" data-testid="agent-draft-ready">
              {t('draftReady')}
            </span>
          )}
        </div>
        {agent && <AgentActions agent={agent} onChange={setAgent} />}
        <form onSubmit={save}>
          <fieldset disabled={readOnly} className="agent-form-frame">
            <AgentForm
              spec={spec}
              onChange={setSpec}
              models={models}
              teamIds={readOnly ? undefined : teams.ids}
              onTeamIds={teams.setIds}
            />
          </fieldset>
          {error && (
            <p className="error" role="alert" data-testid="agent-error">
              {error}
            </p>
          )}
          {!readOnly && (
            <div className="row-end agent-save-row">
              <button
                type="submit"
                disabled={saving || !spec.name.trim()}
                aria-label={t('save')}
                data-testid="agent-save"
              >
                {saving ? t('saving') : t('save')}
              </button>
            </div>
          )}
        </form>
      </div>
      {agent && <AgentVersions agent={agent} onRestored={adopt} />}
    </div>
  );
}
