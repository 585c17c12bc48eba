import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { AuthPage } from './auth/auth-page';
import { RequireSession } from './auth/session';
import { ChatPage } from './chat/chat-page';
import { useI18n } from './i18n/i18n';
import { AppLayout } from './layout/app-layout';

const SettingsPage = lazy(() => import('./settings/settings-page'));
const SharePage = lazy(() => import('./share/share-page'));
const AgentsPage = lazy(() => import('./agents/agents-page'));
const PlazaPage = lazy(() => import('./plaza/plaza-page'));
const KnowledgePage = lazy(() => import('./knowledge/knowledge-page'));
const AdminPage = lazy(() => import('./admin/admin-page'));

/** The route table; settings and the public share page load on demand. */
export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/login" element={<AuthPage mode="login" />} />
          <Route path="/setup" element={<AuthPage mode="setup" />} />
          <Route path="/share/:id" element={<SharePage />} />
          <Route
            element={
              <RequireSession>
                <AppLayout />
              </RequireSession>
            }
          >
            <Route index element={<ChatPage />} />
            <Route path="c/:id" element={<ChatPage />} />
            <Route path="settings/*" element={<SettingsPage />} />
            <Route path="agents/*" element={<AgentsPage />} />
            <Route path="plaza" element={<PlazaPage />} />
            <Route path="knowledge/*" element={<KnowledgePage />} />
            <Route path="admin/*" element={<AdminPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

function Loading() {
  const { t } = useI18n();
  return <div className="page-loading">{t('loading')}</div>;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page-loading">
      <p>{t('notFound')}</p>
      <Link to="/">{t('backHome')}</Link>
    </div>
  );
}
