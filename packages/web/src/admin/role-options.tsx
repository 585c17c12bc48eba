import { type Role, roles } from '@qiao/core';
import { useAdminText } from './use-admin-text';

/** The roles one may hand out: only an owner grants admin or owner (the server checks too). */
export function RoleOptions({ grantsAdmin, current }: { grantsAdmin: boolean; current?: Role }) {
  const { t } = useAdminText();
  return (
    <>
      {roles
        .filter((role) => grantsAdmin || role === current || role === 'member' || role === 'viewer')
        .map((role) => (
          <option key={role} value={role}>
            {t(`role_${role}`)}
          </option>
        ))}
    </>
  );
}
