import { type AgentSpec, agentCategories } from '@qiao/core';
import type { ModelChoice } from '../chat/use-models';
import type { AgentMessageKey } from './agent-messages';
import { AvatarField } from './avatar-field';
import { KnowledgeField } from './knowledge-field';
import { ModelParamsField } from './model-params-field';
import { SuggestionsField } from './suggestions-field';
import { TeamsField } from './teams-field';
import { ToolsField } from './tools-field';
import { useAgentText } from './use-agent-text';

/** Every field of an agent, controlled: the editor owns the spec and saves it. */
export function AgentForm({
  spec,
  onChange,
  models,
  teamIds,
  onTeamIds,
}: {
  spec: AgentSpec;
  onChange: (next: AgentSpec) => void;
  models: ModelChoice[];
  /** the teams a "team" agent is shared with; saved apart from the spec (use-agent-teams.ts) */
  teamIds?: string[];
  onTeamIds?: (next: string[]) => void;
}) {
  const { t } = useAgentText();
  const set = <K extends keyof AgentSpec>(key: K, value: AgentSpec[K]) => onChange({ ...spec, [key]: value });

  return (
    <div className="agent-form" data-testid="agent-form">
      <label className="agent-field">
        <span className="agent-field-label">{t('name')}</span>
        <input
          value={spec.name}
          maxLength={60}
          required
          onChange={(e) => set('name', e.target.value)}
          aria-label={t('name')}
          data-testid="agent-name"
        />
      </label>
      <AvatarField value={spec.avatar} onChange={(avatar) => set('avatar', avatar)} />
      <label className="agent-field">
        <span className="agent-field-label">{t('description')}</span>
        <input
          value={spec.description}
          maxLength={500}
          onChange={(e) => set('description', e.target.value)}
          aria-label={t('description')}
          data-testid="agent-description"
        />
      </label>
      <label className="agent-field">
        <span className="agent-field-label">{t('category')}</span>
        <select
          value={spec.category}
          onChange={(e) => set('category', e.target.value as AgentSpec['category'])}
          aria-label={t('category')}
          data-testid="agent-category"
        >
          {agentCategories.map((category) => (
            <option key={category} value={category}>
              {t(`cat.${category}` as AgentMessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="agent-field">
        <span className="agent-field-label">{t('persona')}</span>
        <textarea
          rows={7}
          value={spec.persona}
          maxLength={20_000}
          onChange={(e) => set('persona', e.target.value)}
          aria-label={t('persona')}
          data-testid="agent-persona"
        />
      </label>
      <label className="agent-field">
        <span className="agent-field-label">{t('welcome')}</span>
        <textarea
          rows={2}
          value={spec.welcome}
          maxLength={2_000}
          onChange={(e) => set('welcome', e.target.value)}
          aria-label={t('welcome')}
          data-testid="agent-welcome"
        />
      </label>
      <SuggestionsField value={spec.suggestions} onChange={(next) => set('suggestions', next)} />
      <ModelParamsField
        models={models}
        model={spec.model}
        params={spec.params}
        onModel={(model) => set('model', model)}
        onParams={(params) => set('params', params)}
      />
      <ToolsField value={spec.tools} onChange={(tools) => set('tools', tools)} />
      <KnowledgeField value={spec.knowledgeBaseIds} onChange={(ids) => set('knowledgeBaseIds', ids)} />
      <label className="agent-field">
        <span className="agent-field-label">{t('visibility')}</span>
        <select
          value={spec.visibility}
          onChange={(e) => set('visibility', e.target.value as AgentSpec['visibility'])}
          aria-label={t('visibility')}
          data-testid="agent-visibility"
        >
          <option value="private">{t('visPrivate')}</option>
          <option value="team">{t('visTeam')}</option>
          {/* the plaza is reached by submitting for review, not by picking it here */}
          {spec.visibility === 'plaza' && <option value="plaza">{t('visPlaza')}</option>}
        </select>
      </label>
      {spec.visibility === 'team' && teamIds && onTeamIds && (
        <TeamsField value={teamIds} onChange={onTeamIds} />
      )}
    </div>
  );
}
