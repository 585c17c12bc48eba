import type { SearchHit } from '@qiao/core';
import { Link } from 'react-router';
import { useKbText } from './kb-text';

/**
 * A ranked chunk: its relevance 0–1 (what chat compares with the threshold), whether chat
 * would use it, which retrievers found it, and where it comes from. Raw BM25 is unbounded
 * and means nothing to a reader, so it stays in the tooltip with the ranking score.
 */
export function HitRow({ hit, rank }: { hit: SearchHit; rank: number }) {
  const t = useKbText();
  const relevance = hit.relevance ?? hit.score;
  const below = hit.passesThreshold === false;
  const found: [string, number | undefined][] = [
    [t('vector'), hit.scores.vector],
    [t('rerank'), hit.scores.rerank],
  ];
  return (
    <li
      className={below ? 'hit-row below-threshold' : 'hit-row'}
      data-testid="hit-row"
      data-chunk-id={hit.chunkId}
      data-passes={below ? 'false' : 'true'}
    >
      <div className="hit-head">
        <span className="hit-rank">#{rank}</span>
        <strong
          className="hit-score"
          data-testid="hit-relevance"
          title={`${t('rankingScore')} ${hit.score.toFixed(4)}${hit.scores.bm25 === undefined ? '' : ` · BM25 ${hit.scores.bm25.toFixed(3)}`}`}
        >
          {t('relevance')} {relevance.toFixed(2)}
        </strong>
        {below && (
          <span className="hit-below" data-testid="hit-below-threshold">
            {t('belowThreshold')}
          </span>
        )}
        {hit.scores.bm25 !== undefined && <span className="chip small">{t('keyword')}</span>}
        {found
          .filter((entry): entry is [string, number] => entry[1] !== undefined)
          .map(([label, value]) => (
            <span key={label} className="chip small">
              {label} {value.toFixed(2)}
            </span>
          ))}
      </div>
      <div className="muted small hit-source">
        <Link to={`/knowledge/${hit.source.kbId}/documents/${hit.source.documentId}`}>
          {hit.source.document}
        </Link>
        {hit.source.page !== undefined && ` · ${t('page', { n: hit.source.page })}`}
        {hit.source.heading && ` · ${hit.source.heading}`}
      </div>
      <p className="chunk-text">{hit.text}</p>
    </li>
  );
}
