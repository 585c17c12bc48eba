import type { Role } from '@qiao/core';
import type { AdminUser } from './admin-api';
import { RoleOptions } from './role-options';
import { useAdminText } from './use-admin-text';

interface Props {
  user: AdminUser;
  self: boolean;
  grantsAdmin: boolean;
  onChange: (body: { role?: Role; disabled?: boolean }) => void;
}

/** One account; nobody changes their own role or disables themselves (the server refuses too). */
export function UserRow({ user, self, grantsAdmin, onChange }: Props) {
  const { t } = useAdminText();
  return (
    <tr data-testid="user-row" data-username={user.username} data-role={user.role}>
      <td>
        <strong>{user.username}</strong>
        {self && <span className="muted">{t('you')}</span>}
      </td>
      <td>
        <select
          value={user.role}
          disabled={self}
          onChange={(e) => onChange({ role: e.target.value as Role })}
          aria-label={`${t('role')}: ${user.username}`}
          data-testid="user-role"
        >
          <RoleOptions grantsAdmin={grantsAdmin} current={user.role} />
        </select>
      </td>
      <td>
        <span className={`badge ${user.disabled ? '' : 'on'}`} data-testid="user-status">
          {user.disabled ? t('disabled') : t('active')}
        </span>
      </td>
      <td className="muted small hide-phone">{new Date(user.createdAt).toLocaleDateString()}</td>
      <td className="row-actions">
        {!self && (
          <button
            type="button"
            className={`ghost small ${user.disabled ? '' : 'danger'}`}
            onClick={() => onChange({ disabled: !user.disabled })}
            data-testid="user-toggle"
          >
            {user.disabled ? t('enable') : t('disable')}
          </button>
        )}
      </td>
    </tr>
  );
}
