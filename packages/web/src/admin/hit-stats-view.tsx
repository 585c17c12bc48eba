import type { HitStats } from '@qiao/core';
import { useEffect, useState } from 'react';
import { adminApi } from './admin-api';
import { useAdminText } from './use-admin-text';

/** Hits per category and the most hit terms, counted from the safety events. */
export function HitStatsView({ version }: { version: number }) {
  const { t, locale } = useAdminText();
  const [stats, setStats] = useState<HitStats>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload signal
  useEffect(() => {
    adminApi
      .hits()
      .then(setStats)
      .catch(() => undefined);
  }, [version]);
  if (!stats) return null;
  const top = stats.terms.slice(0, 20);
  const most = Math.max(1, ...top.map((term) => term.hits));
  return (
    <div className="admin-card" data-testid="hit-stats">
      <h3>{t('hitStats')}</h3>
      {stats.categories.length === 0 ? (
        <p className="muted small">{t('noHits')}</p>
      ) : (
        <>
          <ul className="chips">
            {stats.categories.map((c) => (
              <li key={c.category} className="chip" data-testid="hit-category" data-category={c.category}>
                {c.category}: <strong>{c.hits}</strong>
                {c.lastHitAt && (
                  <span className="muted small"> · {new Date(c.lastHitAt).toLocaleString(locale)}</span>
                )}
              </li>
            ))}
          </ul>
          <h4>{t('topTerms')}</h4>
          <ol className="hit-bars">
            {top.map((term) => (
              <li key={`${term.category}/${term.term}`} data-testid="hit-term" data-term={term.term}>
                <span className="term">{term.term}</span>
                <span className="muted small">{term.category}</span>
                <span className="bar" style={{ width: `${(term.hits / most) * 100}%` }} aria-hidden="true" />
                <strong>{term.hits}</strong>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
