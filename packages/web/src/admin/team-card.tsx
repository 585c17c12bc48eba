import type { TeamDto } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { useAdminText } from './use-admin-text';

interface Props {
  team: TeamDto;
  onAdd: (username: string) => Promise<boolean>;
  onRemove: (userId: string) => void;
  onDelete: () => void;
}

export function TeamCard({ team, onAdd, onRemove, onDelete }: Props) {
  const { t } = useAdminText();
  const [username, setUsername] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await onAdd(username.trim())) setUsername('');
  };

  return (
    <article className="admin-card" data-testid="team-card" data-team={team.name}>
      <header className="admin-card-head">
        <h3>{team.name}</h3>
        <span className="muted small">
          {t('members')}: {team.members.length}
        </span>
        <button type="button" className="ghost small danger" onClick={onDelete} data-testid="delete-team">
          {t('delete')}
        </button>
      </header>
      {team.members.length === 0 ? (
        <p className="muted small">{t('noMembers')}</p>
      ) : (
        <ul className="chips">
          {team.members.map((member) => (
            <li key={member.userId} className="chip" data-testid="team-member">
              {member.username}
              <button
                type="button"
                className="icon-button tiny"
                aria-label={`${t('remove')} ${member.username}`}
                onClick={() => onRemove(member.userId)}
                data-testid="remove-member"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={add}>
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          placeholder={t('username')}
          aria-label={`${t('addMember')}: ${team.name}`}
          required
          data-testid="member-name"
        />
        <button type="submit" className="ghost" data-testid="add-member">
          {t('addMember')}
        </button>
      </form>
    </article>
  );
}
