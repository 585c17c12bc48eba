import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';
import { copyText } from '../lib/copy-text';
import { useToast } from '../lib/toast';

interface KeyInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
}

/** The user's API keys for /v1: a new key is shown once, old ones can be revoked. */
export function ApiKeysSettings() {
  const { t } = useI18n();
  const toast = useToast();
  const [keys, setKeys] = useState<KeyInfo[]>([]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string>();

  const reload = useCallback(() => {
    api<{ keys: KeyInfo[] }>('/api/keys')
      .then((reply) => setKeys(reply.keys))
      .catch(() => undefined);
  }, []);
  useEffect(reload, [reload]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const key = await api<{ key: string }>('/api/keys', { body: { name: name.trim() } });
      setCreated(key.key);
      setName('');
      reload();
    } catch (error) {
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  const revoke = async (id: string) => {
    if (!window.confirm(t('confirmDelete'))) return;
    await api(`/api/keys/${id}`, { method: 'DELETE' }).catch(() => undefined);
    reload();
  };

  return (
    <div className="settings-section" data-testid="keys-settings">
      <form className="inline-form" onSubmit={create}>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('keyName')}
          aria-label={t('keyName')}
          required
        />
        <button type="submit" className="primary" data-testid="create-key">
          {t('createKey')}
        </button>
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
            <li key={key.id} data-testid="key-row">
              <span>
                <strong>{key.name}</strong> <code>{key.prefix}…</code>
              </span>
              <span className="muted small">{new Date(key.createdAt).toLocaleDateString()}</span>
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
