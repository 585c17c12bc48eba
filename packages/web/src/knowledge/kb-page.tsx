import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { ChatHeader } from '../layout/chat-header';
import { ChunkList } from './chunk-list';
import { DocumentsPanel } from './documents-panel';
import { HitTest } from './hit-test';
import { kbApi } from './kb-api';
import { KbSettingsPanel } from './kb-settings-panel';
import { useKbText } from './kb-text';
import { MembersPanel } from './members-panel';
import { ReindexProgress } from './reindex-progress';
import { useAsync } from './use-async';

/** /knowledge/:kbId/*: documents (with chunk preview), hit test, members, settings. */
export function KbPage() {
  const t = useKbText();
  const { kbId = '' } = useParams();
  const kb = useAsync(`kb-${kbId}`, () => kbApi.get(kbId));
  const root = `/knowledge/${kbId}`;
  const canWrite = kb.data?.role === 'write' || kb.data?.role === 'manage';
  return (
    <main className="kb-page" data-testid="kb-page">
      <ChatHeader title={kb.data?.name ?? t('title')} />
      <div className="kb-body">
        <Link to="/knowledge" className="muted small kb-back">
          ← {t('title')}
        </Link>
        {kb.error && (
          <p className="error" role="alert">
            {kb.error}
          </p>
        )}
        {kb.data && (
          <>
            <ReindexProgress kb={kb.data} reload={kb.reload} />
            <nav className="tabs" aria-label={kb.data.name}>
              <NavLink to={root} end className="tab">
                {t('documents')}
              </NavLink>
              <NavLink to={`${root}/hit-test`} className="tab" data-testid="tab-hit-test">
                {t('hitTest')}
              </NavLink>
              <NavLink to={`${root}/members`} className="tab" data-testid="tab-members">
                {t('members')}
              </NavLink>
              {kb.data.role === 'manage' && (
                <NavLink to={`${root}/settings`} className="tab" data-testid="tab-settings">
                  {t('settings')}
                </NavLink>
              )}
            </nav>
            <Routes>
              <Route index element={<DocumentsPanel kbId={kbId} canWrite={canWrite} />} />
              <Route path="documents/:docId" element={<ChunkList kbId={kbId} canWrite={canWrite} />} />
              <Route path="hit-test" element={<HitTest kbId={kbId} />} />
              <Route
                path="members"
                element={<MembersPanel kbId={kbId} canManage={kb.data.role === 'manage'} />}
              />
              <Route
                path="settings"
                element={<KbSettingsPanel kb={kb.data} onSaved={(saved) => kb.setData(() => saved)} />}
              />
            </Routes>
          </>
        )}
      </div>
    </main>
  );
}
