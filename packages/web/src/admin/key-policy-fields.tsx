import { apiKeyScopes } from '@qiao/core';
import type { KeyPolicyForm } from './key-policy';
import { useAdminText } from './use-admin-text';
import './key-policy.css';

interface Props {
  value: KeyPolicyForm;
  onChange: (value: KeyPolicyForm) => void;
}

/** Scopes, expiry, daily quotas, rate, model and IP allow-lists of a new key (all optional). */
export function KeyPolicyFields({ value, onChange }: Props) {
  const { t } = useAdminText();
  const set = <K extends keyof KeyPolicyForm>(key: K, v: KeyPolicyForm[K]) =>
    onChange({ ...value, [key]: v });
  const number = (key: 'dailyRequests' | 'dailyTokens' | 'rateLimit') => (
    <label className="policy-field">
      <span>{t(key)}</span>
      <input
        type="number"
        min={1}
        step={1}
        value={value[key]}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`key-${key}`}
      />
    </label>
  );
  return (
    <details className="key-policy" data-testid="key-policy">
      <summary>{t('keyPolicy')}</summary>
      <fieldset className="policy-scopes">
        <legend>{t('scopes')}</legend>
        {apiKeyScopes.map((scope) => (
          <label key={scope} className="chip">
            <input
              type="checkbox"
              checked={value.scopes.includes(scope)}
              onChange={(e) =>
                set(
                  'scopes',
                  e.target.checked ? [...value.scopes, scope] : value.scopes.filter((s) => s !== scope),
                )
              }
              data-testid={`key-scope-${scope}`}
            />
            {t(`scope_${scope}`)}
          </label>
        ))}
      </fieldset>
      <div className="policy-grid">
        <label className="policy-field">
          <span>{t('expiresAt')}</span>
          <input
            type="date"
            value={value.expiresOn}
            onChange={(e) => set('expiresOn', e.target.value)}
            data-testid="key-expires"
          />
        </label>
        {number('dailyRequests')}
        {number('dailyTokens')}
        {number('rateLimit')}
        <label className="policy-field wide">
          <span>{t('models')}</span>
          <input
            value={value.models}
            onChange={(e) => set('models', e.target.value)}
            placeholder="openai/*, deepseek/deepseek-chat"
            data-testid="key-models"
          />
        </label>
        <label className="policy-field wide">
          <span>{t('ips')}</span>
          <input
            value={value.ips}
            onChange={(e) => set('ips', e.target.value)}
            placeholder="10.0.0.0/8, 127.0.0.1"
            data-testid="key-ips"
          />
        </label>
      </div>
    </details>
  );
}
