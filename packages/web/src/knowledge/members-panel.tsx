import type { KbRole } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { kbApi } from './kb-api';
import { KbTeamsPanel } from './kb-teams-panel';
import { useKbText } from './kb-text';
import { useAsync } from './use-async';

const roles: KbRole[] = ['read', 'write', 'manage'];

/** Who may read, write or manage the knowledge base; managers change it. */
export function MembersPanel({ kbId, canManage }: { kbId: string; canManage: boolean }) {
  const t = useKbText();
  const members = useAsync(`members-${kbId}`, () => kbApi.members(kbId));
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<KbRole>('read');
  const [error, setError] = useState<string>();

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      members.reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await kbApi.setMember(kbId, username.trim(), role);
      setUsername('');
    });
  };

  return (
    <section className="kb-section" aria-label={t('members')}>
      <ul className="list">
        {members.data?.map((member) => (
          <li key={member.userId} data-testid="kb-member">
            <span>{member.username}</span>
            {member.owner ? (
              <span className="muted small">{t('owner')}</span>
            ) : canManage ? (
              <span className="row-end">
                <select
                  value={member.role}
                  aria-label={`${t('role')} ${member.username}`}
                  onChange={(e) =>
                    void act(() => kbApi.setMember(kbId, member.username, e.target.value as KbRole))
                  }
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role_${r}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="ghost small danger"
                  onClick={() => void act(() => kbApi.removeMember(kbId, member.userId))}
                >
                  {t('remove')}
                </button>
              </span>
            ) : (
              <span className="muted small">{t(`role_${member.role}`)}</span>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form className="inline-form" onSubmit={add}>
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            placeholder={t('username')}
            aria-label={t('username')}
            required
          />
          <select value={role} onChange={(e) => setRole(e.target.value as KbRole)} aria-label={t('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="ghost" disabled={!username.trim()}>
            {t('addMember')}
          </button>
        </form>
      )}
      {(error || members.error) && (
        <p className="error" role="alert">
          {error ?? members.error}
        </p>
      )}
      {canManage && <KbTeamsPanel kbId={kbId} />}
    </section>
  );
}
