import type { AgentSpec } from '@qiao/core';
import type { ModelChoice } from '../chat/use-models';
import { useAgentText } from './use-agent-text';

type Params = AgentSpec['params'];

/** The agent's model (or the user's default) and its sampling parameters; empty means unset. */
export function ModelParamsField({
  models,
  model,
  params,
  onModel,
  onParams,
}: {
  models: ModelChoice[];
  model: string | null;
  params: Params;
  onModel: (next: string | null) => void;
  onParams: (next: Params) => void;
}) {
  const { t } = useAgentText();
  const ids = models.map((m) => m.id);
  const number = (key: keyof Params, text: string) => {
    const value = text.trim() === '' ? undefined : Number(text);
    onParams({ ...params, [key]: value === undefined || Number.isNaN(value) ? undefined : value });
  };
  const numberInput = (
    key: keyof Params,
    label: string,
    attrs: { min: number; max: number; step: number },
  ) => (
    <label className="agent-field param">
      <span className="agent-field-label">{label}</span>
      <input
        type="number"
        {...attrs}
        value={params[key] ?? ''}
        placeholder={t('unset')}
        onChange={(e) => number(key, e.target.value)}
        aria-label={label}
        data-testid={`agent-param-${key}`}
      />
    </label>
  );

  return (
    <fieldset className="agent-field">
      <legend>{t('advanced')}</legend>
      <label className="agent-field">
        <span className="agent-field-label">{t('model')}</span>
        <select
          value={model ?? ''}
          onChange={(e) => onModel(e.target.value || null)}
          aria-label={t('model')}
          data-testid="agent-model"
        >
          <option value="">{t('userDefault')}</option>
          {model && !ids.includes(model) && <option value={model}>{model}</option>}
          {ids.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <div className="param-row">
        {numberInput('temperature', t('temperature'), { min: 0, max: 2, step: 0.1 })}
        {numberInput('topP', t('topP'), { min: 0, max: 1, step: 0.05 })}
        {numberInput('maxTokens', t('maxTokens'), { min: 1, max: 200_000, step: 1 })}
      </div>
    </fieldset>
  );
}
