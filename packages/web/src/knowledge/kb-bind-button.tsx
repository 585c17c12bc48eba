import './knowledge-chat.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { FolderIcon } from '../layout/icons';
import { useBindings } from './use-bindings';

const KbBindMenu = lazy(() => import('./kb-bind-menu'));

/** The chat header's knowledge control: how many knowledge bases the chat answers from. */
export function KbBindButton() {
  const { pathname } = useLocation();
  return pathname === '/' || pathname.startsWith('/c/') ? <BindControl /> : null;
}

function BindControl() {
  const { t } = useI18n();
  const { id } = useParams();
  const { ids, update, error } = useBindings(id);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="kb-bind" ref={box}>
      <button
        type="button"
        className={`ghost small kb-bind-button ${ids.length > 0 ? 'bound' : ''}`}
        aria-label={t('knowledgeBases')}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((value) => !value)}
        data-testid="kb-bind"
        data-count={ids.length}
      >
        <FolderIcon />
        <span className="desktop-only">{t('knowledgeBases')}</span>
        {ids.length > 0 && <span className="kb-bind-count">{ids.length}</span>}
      </button>
      {open && (
        <Suspense fallback={null}>
          <KbBindMenu selected={ids} onChange={(next) => void update(next)} error={error} />
        </Suspense>
      )}
    </div>
  );
}
