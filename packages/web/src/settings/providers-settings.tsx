import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';
import { useToast } from '../lib/toast';
import { ProviderModels } from './provider-models';

interface ProviderView {
  id: string;
  label: string;
  baseUrl: string;
  preset?: string;
  source: string;
  configured: boolean;
  enabled: boolean;
  hasApiKey: boolean;
  models?: string[];
}

/**
 * Admins add a provider (a key, or a base URL for any OpenAI-compatible server), test it, choose
 * which of its models are served, delete it.
 */
export function ProvidersSettings() {
  const { t } = useI18n();
  const toast = useToast();
  const { user } = useSession();
  const [providers, setProviders] = useState<ProviderView[]>([]);
  const [form, setForm] = useState({ id: '', baseUrl: '', apiKey: '' });
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [keys, setKeys] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string>();

  const reload = useCallback(() => {
    api<{ providers: ProviderView[] }>('/api/providers')
      .then((reply) => setProviders(reply.providers))
      .catch(() => undefined);
  }, []);
  useEffect(reload, [reload]);

  // the server decides (requireAdmin); this only spares others a page of 403s ('owner' is
  // the first admin's role once access control lands)
  if (!['owner', 'admin'].includes(user.role as string)) return <p className="muted">{t('adminOnly')}</p>;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api('/api/providers', {
        body: {
          id: form.id.trim(),
          baseUrl: form.baseUrl.trim(),
          ...(form.apiKey ? { apiKey: form.apiKey } : {}),
        },
      });
      setForm({ id: '', baseUrl: '', apiKey: '' });
      reload();
    } catch (error) {
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  // a built-in vendor only needs its key
  const saveKey = async (preset: string) => {
    try {
      await api('/api/providers', { body: { preset, apiKey: keys[preset] ?? '' } });
      setKeys((k) => ({ ...k, [preset]: '' }));
      reload();
    } catch (error) {
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  const test = async (id: string) => {
    setChecks((c) => ({ ...c, [id]: t('working') }));
    try {
      const check = await api<{ ok?: boolean; error?: string; models?: number; latencyMs?: number }>(
        `/api/providers/${id}/test`,
        { method: 'POST' },
      );
      const details = [
        check.models !== undefined ? `${check.models} ${t('modelsCount')}` : '',
        check.latencyMs !== undefined ? `${check.latencyMs} ms` : '',
      ].filter(Boolean);
      setChecks((c) => ({
        ...c,
        [id]:
          check.ok === false
            ? `${t('testFailed')}: ${check.error ?? ''}`
            : `${t('testOk')}${details.length ? ` (${details.join(', ')})` : ''}`,
      }));
    } catch (error) {
      setChecks((c) => ({ ...c, [id]: `${t('testFailed')}: ${(error as Error).message}` }));
    }
  };

  const remove = async (id: string) => {
    if (!window.confirm(t('confirmDelete'))) return;
    await api(`/api/providers/${id}`, { method: 'DELETE' }).catch((error: Error) => toast(error.message));
    reload();
  };

  return (
    <div className="settings-section" data-testid="providers-settings">
      <ul className="list">
        {providers.map((p) => (
          <li key={p.id} data-testid="provider-row">
            <span>
              <strong>{p.label}</strong>{' '}
              <span className={`badge ${p.configured ? 'on' : ''}`}>
                {p.configured ? t('configured') : t('notConfigured')}
              </span>{' '}
              <span className="muted small">{p.baseUrl}</span>
              {checks[p.id] && (
                <span className="small check" role="status" data-testid="provider-check">
                  {' '}
                  · {checks[p.id]}
                </span>
              )}
            </span>
            <span className="row-end">
              {!p.configured && p.preset && (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void saveKey(p.preset!);
                  }}
                >
                  <input
                    type="password"
                    autoComplete="off"
                    value={keys[p.preset] ?? ''}
                    onChange={(e) => setKeys((k) => ({ ...k, [p.preset!]: e.target.value }))}
                    placeholder={t('apiKey')}
                    aria-label={`${p.label} ${t('apiKey')}`}
                    required
                  />
                  <button type="submit" className="ghost small">
                    {t('save')}
                  </button>
                </form>
              )}
              <button
                type="button"
                className="ghost small"
                onClick={() => void test(p.id)}
                data-testid="provider-test"
              >
                {t('test')}
              </button>
              {p.configured && p.enabled && (
                <button
                  type="button"
                  className="ghost small"
                  aria-expanded={open === p.id}
                  onClick={() => setOpen(open === p.id ? undefined : p.id)}
                  data-testid="provider-models-button"
                >
                  {t('enableModels')}
                </button>
              )}
              {p.source !== 'env' && p.source !== 'preset' && (
                <button type="button" className="ghost small danger" onClick={() => void remove(p.id)}>
                  {t('delete')}
                </button>
              )}
            </span>
            {open === p.id && <ProviderModels providerId={p.id} />}
          </li>
        ))}
      </ul>
      <h3>{t('addProvider')}</h3>
      <form className="stack-form" onSubmit={add}>
        <input
          value={form.id}
          onChange={(e) => setForm({ ...form, id: e.target.value })}
          placeholder={t('providerId')}
          aria-label={t('providerId')}
          pattern="[a-z0-9][a-z0-9-]*"
          required
        />
        <input
          value={form.baseUrl}
          onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
          placeholder="https://api.example.com/v1"
          aria-label={t('baseUrl')}
          type="url"
          required
        />
        <input
          value={form.apiKey}
          onChange={(e) => setForm({ ...form, apiKey: e.target.value })}
          placeholder={t('apiKey')}
          aria-label={t('apiKey')}
          type="password"
          autoComplete="off"
        />
        <button type="submit" className="primary">
          {t('addProvider')}
        </button>
      </form>
    </div>
  );
}
