import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { KeyPolicyView } from '../admin/admin-api';
import { emptyKeyPolicy, type KeyPolicyForm, keyPolicyBody } from '../admin/key-policy';
import { KeyPolicyFields } from '../admin/key-policy-fields';
import { KeyPolicySummary } from '../admin/key-policy-summary';
import { useAdminText } from '../admin/use-admin-text';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';
import { copyText } from '../lib/copy-text';
import { TextAndButton } from '../lib/text-and-button';
import { useToast } from '../lib/toast';

interface KeyInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  policy: KeyPolicyView | null;
}

/**
 * API keys for /v1 and the REST API: a new key, with optional limits (scopes, expiry, quotas,
 * allow-lists), is shown once; old ones can be revoked. With `username`, an administrator
 * manages that user's keys (the admin pages).
 */
export function ApiKeysSettings({ username }: { username?: string }) {
  const { t } = useI18n();
  const { t: ta } = useAdminText();
  const toast = useToast();
  const [keys, setKeys] = useState<KeyInfo[]>([]);
  const [name, setName] = useState('');
  const [policy, setPolicy] = useState<KeyPolicyForm>(emptyKeyPolicy);
  const [created, setCreated] = useState<string>();
  const query = username ? `?${new URLSearchParams({ username })}` : '';

  const reload = useCallback(() => {
    api<{ keys: KeyInfo[] }>(`/api/keys${query}`)
      .then((reply) => setKeys(reply.keys))
      .catch(() => undefined);
  }, [query]);
  useEffect(reload, [reload]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const body = { name: name.trim(), ...(username ? { username } : {}), ...keyPolicyBody(policy) };
      const key = await api<{ key: string }>('/api/keys', { body });
      setCreated(key.key);
      setName('');
      setPolicy(emptyKeyPolicy);
      reload();
    } catch (error) {
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  const revoke = async (id: string) => {
    if (!window.confirm(t('confirmDelete'))) return;
    await api(`/api/keys/${id}`, { method: 'DELETE' }).catch((error: Error) =>
      toast(t('errorPrefix') + error.message),
    );
    reload();
  };

  return (
    <div className="settings-section" data-testid="keys-settings">
      <form className="stack-form key-form" onSubmit={create}>
        <TextAndButton
          value={name}
          onChange={setName}
          label={t('keyName')}
          button={t('createKey')}
          testIds={{ input: 'key-name', button: 'create-key' }}
        />
        <KeyPolicyFields value={policy} onChange={setPolicy} />
      </form>
      {created && (
        <div className="notice" data-testid="new-key">
          <p>{t('keyShownOnce')}</p>
          <code>{created}</code>
          <button
            type="button"
            className="ghost small"
            onClick={() => void copyText(created).then(() => toast(t('copied')))}
          >
            {t('copy')}
          </button>
        </div>
      )}
      {keys.length === 0 ? (
        <p className="muted">{t('noKeys')}</p>
      ) : (
        <ul className="list">
          {keys.map((key) => (
            <li key={key.id} data-testid="key-row" data-key-name={key.name}>
              <span className="key-main">
                <strong>{key.name}</strong> <code>{key.prefix}…</code>
                <KeyPolicySummary policy={key.policy} />
              </span>
              <span className="muted small">
                {new Date(key.createdAt).toLocaleDateString()} · {ta('lastUsed')}:{' '}
                {key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleDateString() : ta('never')}
              </span>
              <button
                type="button"
                className="ghost small danger"
                onClick={() => void revoke(key.id)}
                data-testid="revoke-key"
              >
                {t('revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
