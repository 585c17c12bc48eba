import { lazy, Suspense } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { ChatHeader } from '../layout/chat-header';
import { ApiKeysSettings } from './api-keys-settings';
import { GeneralSettings } from './general-settings';
import { ProvidersSettings } from './providers-settings';
import { SharesSettings } from './shares-settings';

// the charts library loads only when the usage tab opens
const UsagePanel = lazy(() => import('../admin/usage-panel').then((m) => ({ default: m.UsagePanel })));

/** /settings/*: general preferences, providers (admins), API keys, shared links, one's own usage. */
export default function SettingsPage() {
  const { t } = useI18n();
  const tabs = [
    { to: '/settings', label: t('general'), end: true },
    { to: '/settings/providers', label: t('providers') },
    { to: '/settings/keys', label: t('apiKeys') },
    { to: '/settings/shares', label: t('shares') },
    { to: '/settings/usage', label: t('usage') },
  ];
  return (
    <main className="settings" data-testid="settings">
      <ChatHeader title={t('settings')} />
      <div className="settings-body">
        <nav className="tabs" aria-label={t('settings')}>
          {tabs.map((tab) => (
            <NavLink key={tab.to} to={tab.to} end={tab.end} className="tab">
              {tab.label}
            </NavLink>
          ))}
        </nav>
        <div className="settings-panel">
          <Routes>
            <Route index element={<GeneralSettings />} />
            <Route path="providers" element={<ProvidersSettings />} />
            <Route path="keys" element={<ApiKeysSettings />} />
            <Route path="shares" element={<SharesSettings />} />
            <Route
              path="usage"
              element={
                <Suspense fallback={null}>
                  <UsagePanel mine />
                </Suspense>
              }
            />
          </Routes>
        </div>
      </div>
    </main>
  );
}
