import type { KnowledgeSource } from '@qiao/core';
import { useI18n } from '../i18n/i18n';

/** The numbered passages an answer was given, under it; each opens like its `[n]` marker. */
export function SourcesList({
  sources,
  onOpen,
}: {
  sources: readonly KnowledgeSource[];
  onOpen: (index: number) => void;
}) {
  const { locale } = useI18n();
  return (
    <div className="kb-sources" data-testid="kb-sources">
      <span className="muted small">{locale === 'zh-CN' ? '来源' : 'Sources'}</span>
      <ol>
        {sources.map((source) => (
          <li key={source.index}>
            <button
              type="button"
              className="kb-source"
              onClick={() => onOpen(source.index)}
              data-testid="source-item"
            >
              <span className="citation" aria-hidden="true">
                {source.index}
              </span>
              <span className="kb-source-name">
                {source.document}
                {source.page !== undefined && ` · p.${source.page}`}
                {source.heading && ` · ${source.heading}`}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
