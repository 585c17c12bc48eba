import { useState } from 'react';
import { useSession } from '../auth/session';
import { ApiKeysSettings } from '../settings/api-keys-settings';
import { adminApi } from './admin-api';
import { useAdminList } from './use-admin-list';
import { useAdminText } from './use-admin-text';

/** Any user's API keys, created with limits or revoked by an administrator. */
export function AdminKeysPanel() {
  const { t } = useAdminText();
  const { user: me } = useSession();
  const { items: users } = useAdminList(adminApi.users);
  const [username, setUsername] = useState(me.username);
  return (
    <section className="settings-section" data-testid="admin-keys">
      <label className="field">
        <span>{t('keysFor')}</span>
        <select value={username} onChange={(e) => setUsername(e.target.value)} data-testid="keys-user">
          {users
            .filter((user) => !user.disabled)
            .map((user) => (
              <option key={user.id} value={user.username}>
                {user.username}
              </option>
            ))}
        </select>
      </label>
      <ApiKeysSettings key={username} username={username === me.username ? undefined : username} />
    </section>
  );
}
