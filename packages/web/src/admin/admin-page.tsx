import { NavLink, Route, Routes } from 'react-router';
import { useSession } from '../auth/session';
import { ChatHeader } from '../layout/chat-header';
import { AdminKeysPanel } from './admin-keys-panel';
import { AuditPanel } from './audit-panel';
import { isAdmin } from './is-admin';
import { ModerationPanel } from './moderation-panel';
import { TeamsPanel } from './teams-panel';
import { UsagePanel } from './usage-panel';
import { useAdminText } from './use-admin-text';
import { UsersPanel } from './users-panel';
import './admin.css';

/** /admin/*: users and roles, teams, API keys, moderation lexicons, usage and cost, the audit log. */
export default function AdminPage() {
  const { t } = useAdminText();
  const { user } = useSession();
  const tabs = [
    { to: '/admin', label: t('tabUsers'), end: true, id: 'users' },
    { to: '/admin/teams', label: t('tabTeams'), id: 'teams' },
    { to: '/admin/keys', label: t('tabKeys'), id: 'keys' },
    { to: '/admin/moderation', label: t('tabModeration'), id: 'moderation' },
    { to: '/admin/usage', label: t('tabUsage'), id: 'usage' },
    { to: '/admin/audit', label: t('tabAudit'), id: 'audit' },
  ];
  return (
    <main className="settings admin" data-testid="admin">
      <ChatHeader title={t('admin')} />
      {isAdmin(user) ? (
        <div className="settings-body admin-body">
          <nav className="tabs" aria-label={t('admin')}>
            {tabs.map((tab) => (
              <NavLink
                key={tab.to}
                to={tab.to}
                end={tab.end}
                className="tab"
                data-testid={`admin-tab-${tab.id}`}
              >
                {tab.label}
              </NavLink>
            ))}
          </nav>
          <Routes>
            <Route index element={<UsersPanel />} />
            <Route path="teams" element={<TeamsPanel />} />
            <Route path="keys" element={<AdminKeysPanel />} />
            <Route path="moderation" element={<ModerationPanel />} />
            <Route path="usage" element={<UsagePanel />} />
            <Route path="audit" element={<AuditPanel />} />
          </Routes>
        </div>
      ) : (
        <p className="muted admin-denied" data-testid="admin-denied">
          {t('adminOnly')}
        </p>
      )}
    </main>
  );
}
