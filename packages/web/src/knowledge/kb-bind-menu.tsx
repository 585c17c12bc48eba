import { Link } from 'react-router';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';
import { useAsync } from './use-async';

/** The knowledge bases the user may read, checked when the chat answers from them. */
export default function KbBindMenu({
  selected,
  onChange,
  error,
}: {
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const t = useKbText();
  const list = useAsync('kb-bind-list', kbApi.list);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  return (
    <div
      className="popover kb-bind-menu"
      role="dialog"
      aria-label={t('bindTitle')}
      data-testid="kb-bind-menu"
    >
      <strong>{t('bindTitle')}</strong>
      <p className="muted small">{t('bindHint')}</p>
      {list.data?.length === 0 && <p className="muted small">{t('bindNone')}</p>}
      <ul>
        {list.data?.map((kb) => (
          <li key={kb.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(kb.id)}
                onChange={(e) => toggle(kb.id, e.target.checked)}
                data-testid="kb-bind-option"
              />
              <span>{kb.name}</span>
              <span className="muted small">{kb.documentCount}</span>
            </label>
          </li>
        ))}
      </ul>
      {(error || list.error) && (
        <p className="error small" role="alert">
          {error ?? list.error}
        </p>
      )}
      <Link to="/knowledge" className="small">
        {t('manage')} →
      </Link>
    </div>
  );
}
