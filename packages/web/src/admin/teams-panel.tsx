import { type FormEvent, useState } from 'react';
import { adminApi } from './admin-api';
import { TeamCard } from './team-card';
import { useAdminList } from './use-admin-list';
import { useAdminText } from './use-admin-text';

/** Teams and their members; sharing agents and knowledge bases with a team is done on those pages. */
export function TeamsPanel() {
  const { t } = useAdminText();
  const { items: teams, loaded, run } = useAdminList(adminApi.teams);
  const [name, setName] = useState('');

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => adminApi.createTeam(name.trim()))) setName('');
  };

  return (
    <section className="settings-section" data-testid="admin-teams">
      <form className="inline-form" onSubmit={create}>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('teamName')}
          aria-label={t('teamName')}
          required
          data-testid="new-team-name"
        />
        <button type="submit" className="primary" data-testid="create-team">
          {t('createTeam')}
        </button>
      </form>
      {loaded && teams.length === 0 && <p className="muted">{t('noTeams')}</p>}
      {teams.map((team) => (
        <TeamCard
          key={team.id}
          team={team}
          onAdd={(username) => run(() => adminApi.addMember(team.id, username))}
          onRemove={(userId) => void run(() => adminApi.removeMember(team.id, userId))}
          onDelete={() => {
            if (window.confirm(t('confirmDelete'))) void run(() => adminApi.deleteTeam(team.id));
          }}
        />
      ))}
    </section>
  );
}
