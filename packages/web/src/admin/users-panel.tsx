import { useSession } from '../auth/session';
import { adminApi } from './admin-api';
import { CreateUserForm } from './create-user-form';
import { useAdminList } from './use-admin-list';
import { useAdminText } from './use-admin-text';
import { UserRow } from './user-row';

/** Every account: its role (owners may grant admin and owner) and whether it may sign in. */
export function UsersPanel() {
  const { t } = useAdminText();
  const { user: me } = useSession();
  const { items: users, run } = useAdminList(adminApi.users);
  return (
    <section className="settings-section" data-testid="admin-users">
      <CreateUserForm
        grantsAdmin={me.role === 'owner'}
        onCreate={(body) => run(() => adminApi.createUser(body))}
      />
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('username')}</th>
              <th>{t('role')}</th>
              <th>{t('status')}</th>
              <th className="hide-phone">{t('created')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                self={user.id === me.id}
                grantsAdmin={me.role === 'owner'}
                onChange={(body) => void run(() => adminApi.updateUser(user.id, body))}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
