import type { SearchHit } from '@qiao/core';
import { Link } from 'react-router';
import { useKbText } from './kb-text';

/** A ranked chunk: rank, score used, each retriever's score, and where it comes from. */
export function HitRow({ hit, rank }: { hit: SearchHit; rank: number }) {
  const t = useKbText();
  const scores: [string, number | undefined][] = [
    [t('fused'), hit.scores.fused],
    [t('keyword'), hit.scores.bm25],
    [t('vector'), hit.scores.vector],
    [t('rerank'), hit.scores.rerank],
  ];
  return (
    <li className="hit-row" data-testid="hit-row" data-chunk-id={hit.chunkId}>
      <div className="hit-head">
        <span className="hit-rank">#{rank}</span>
        <strong className="hit-score" data-testid="hit-score">
          {t('score')} {hit.score.toFixed(4)}
        </strong>
        {scores
          .filter((entry): entry is [string, number] => entry[1] !== undefined)
          .map(([label, value]) => (
            <span key={label} className="chip small">
              {label} {value.toFixed(4)}
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
