import type { PlazaSubmissionDto } from '@qiao/core';
import { useCallback, useEffect, useState } from 'react';
import { agentsApi } from '../agents/agents-api';
import { useAgentText } from '../agents/use-agent-text';
import { useToast } from '../lib/toast';

/** Administrators only: pending submissions, approved into the plaza or rejected. */
export function ReviewQueue({ onReviewed }: { onReviewed: () => void }) {
  const { t, locale } = useAgentText();
  const toast = useToast();
  const [submissions, setSubmissions] = useState<PlazaSubmissionDto[]>([]);

  const reload = useCallback(() => {
    agentsApi
      .submissions()
      .then(setSubmissions)
      .catch(() => undefined);
  }, []);
  useEffect(reload, [reload]);

  const review = async (id: string, decision: 'approve' | 'reject') => {
    try {
      await agentsApi.review(id, decision);
      toast(decision === 'approve' ? t('approved') : t('rejected'));
      reload();
      onReviewed();
    } catch (error) {
      toast((error as Error).message);
    }
  };

  return (
    <section className="review-queue" aria-label={t('reviewQueue')} data-testid="plaza-review">
      <h3>{t('reviewQueue')}</h3>
      {submissions.length === 0 ? (
        <p className="muted small">{t('noSubmissions')}</p>
      ) : (
        <ul>
          {submissions.map((s) => (
            <li key={s.id} data-testid="plaza-submission">
              <span>
                <strong>{s.agentName}</strong>{' '}
                <span className="muted small">
                  {t('submittedBy')} {s.submittedBy} · {new Date(s.createdAt).toLocaleString(locale)}
                </span>
              </span>
              <span className="review-actions">
                <button
                  type="button"
                  className="primary small"
                  onClick={() => void review(s.id, 'approve')}
                  aria-label={`${t('approve')}: ${s.agentName}`}
                  data-testid="plaza-approve"
                >
                  {t('approve')}
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() => void review(s.id, 'reject')}
                  aria-label={`${t('reject')}: ${s.agentName}`}
                  data-testid="plaza-reject"
                >
                  {t('reject')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
