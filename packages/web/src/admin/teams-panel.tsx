import { type FormEvent, useState } from 'react';
import { TextAndButton } from '../lib/text-and-button';
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
      <form onSubmit={create}>
        <TextAndButton
          value={name}
          onChange={setName}
          label={t('teamName')}
          button={t('createTeam')}
          testIds={{ input: 'new-team-name', button: 'create-team' }}
        />
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
