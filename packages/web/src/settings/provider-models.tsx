import type { ProviderModelsBody, ProviderModelsReply } from '@qiao/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';
import { useToast } from '../lib/toast';
import './provider-models.css';

/**
 * The models a provider offers (asked live from its /models by the server), one switch each.
 * A disabled model leaves the picker and /api/models for everyone; all on = follow discovery.
 */
export function ProviderModels({ providerId }: { providerId: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const [reply, setReply] = useState<ProviderModelsReply>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api<ProviderModelsReply>(`/api/providers/${providerId}/models`)
      .then(setReply)
      .catch((caught: Error) => setError(caught.message));
  }, [providerId]);

  if (error) return <p className="small error">{`${t('errorPrefix')}${error}`}</p>;
  if (!reply) return <p className="small muted">{t('working')}</p>;
  if (reply.models.length === 0) return <p className="small muted">{t('noProviderModels')}</p>;

  const enabledCount = reply.models.filter((m) => m.enabled).length;
  const toggle = async (id: string, on: boolean) => {
    const models = reply.models.map((m) => (m.id === id ? { ...m, enabled: on } : m));
    const all = models.every((m) => m.enabled);
    const body: ProviderModelsBody = {
      enabled: all ? null : models.filter((m) => m.enabled).map((m) => m.id),
    };
    const previous = reply;
    setReply({ models, allEnabled: all });
    try {
      await api(`/api/providers/${providerId}/models`, { method: 'PUT', body });
    } catch (caught) {
      setReply(previous);
      toast(t('errorPrefix') + (caught as Error).message);
    }
  };

  return (
    <fieldset className="provider-models" data-testid="provider-models">
      <legend className="small muted">
        {t('enabledModels')} {enabledCount}/{reply.models.length}
      </legend>
      {reply.models.map((m) => (
        <label key={m.id} className="provider-model">
          <input
            type="checkbox"
            checked={m.enabled}
            // the last one stays on: a provider without models is disabled instead
            disabled={m.enabled && enabledCount === 1}
            onChange={(e) => void toggle(m.id, e.target.checked)}
            data-testid="provider-model-toggle"
            data-model={m.id}
          />
          <span>{m.id}</span>
        </label>
      ))}
    </fieldset>
  );
}
