import type { ShareDto, ShareListDto } from '@qiao/core';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';

/** Links the user shared; revoking one makes its page answer "not found". */
export function SharesSettings() {
  const { t } = useI18n();
  const [shares, setShares] = useState<ShareDto[]>([]);

  const reload = useCallback(() => {
    api<ShareListDto>('/api/shares')
      .then((reply) => setShares(reply.shares))
      .catch(() => setShares([]));
  }, []);
  useEffect(reload, [reload]);

  const revoke = async (id: string) => {
    await api(`/api/shares/${id}`, { method: 'DELETE' }).catch(() => undefined);
    reload();
  };

  return (
    <div className="settings-section" data-testid="shares-settings">
      {shares.length === 0 ? (
        <p className="muted">{t('noShares')}</p>
      ) : (
        <ul className="list">
          {shares.map((share) => (
            <li key={share.id} data-testid="share-row">
              <a href={share.url} target="_blank" rel="noreferrer">
                {share.title || share.url}
              </a>
              <span className="muted small">{new Date(share.createdAt).toLocaleString()}</span>
              <button
                type="button"
                className="ghost small danger"
                onClick={() => void revoke(share.id)}
                data-testid="revoke-share"
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
