import type { Role } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { RoleOptions } from './role-options';
import { useAdminText } from './use-admin-text';

interface Props {
  grantsAdmin: boolean;
  onCreate: (body: { username: string; password: string; role: Role }) => Promise<boolean>;
}

export function CreateUserForm({ grantsAdmin, onCreate }: Props) {
  const { t } = useAdminText();
  const [form, setForm] = useState({ username: '', password: '', role: 'member' as Role });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onCreate({ ...form, username: form.username.trim() }))
      setForm({ username: '', password: '', role: 'member' });
  };

  return (
    <form className="inline-form admin-form" onSubmit={submit} data-testid="create-user-form">
      <input
        value={form.username}
        onChange={(e) => setForm({ ...form, username: e.target.value })}
        placeholder={t('username')}
        aria-label={t('username')}
        required
        data-testid="new-user-name"
      />
      <input
        type="password"
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        placeholder={t('password')}
        aria-label={t('password')}
        autoComplete="new-password"
        required
        data-testid="new-user-password"
      />
      <select
        value={form.role}
        onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
        aria-label={t('role')}
        data-testid="new-user-role"
      >
        <RoleOptions grantsAdmin={grantsAdmin} />
      </select>
      <button type="submit" className="primary" data-testid="create-user">
        {t('createUser')}
      </button>
    </form>
  );
}
