import type { TeamNameDto } from '@qiao/core';
import { isAdmin } from '../admin/is-admin';
import { useSession } from '../auth/session';
import { CheckList } from '../lib/check-list';
import { useOptionalApi } from '../lib/use-optional-api';
import { useAgentText } from './use-agent-text';

/**
 * The teams a "team" agent is shared with. Every team is listed; the server lets only its
 * members (or administrators) add one, so the others stay as they are.
 */
export function TeamsField({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useAgentText();
  const { user } = useSession();
  const reply = useOptionalApi<{ teams: TeamNameDto[] }>('/api/teams/names');
  const teams = reply?.teams ?? [];

  return (
    <fieldset className="agent-field" data-testid="agent-teams">
      <legend>{t('teams')}</legend>
      {teams.length === 0 ? (
        <p className="muted small">{t('noTeams')}</p>
      ) : (
        <>
          <p className="muted small">{t('teamsHint')}</p>
          <CheckList
            items={teams.map((team) => ({
              id: team.id,
              label: team.name,
              ...(team.member ? { note: t('teamMember') } : {}),
              disabled: !team.member && !isAdmin(user) && !value.includes(team.id),
            }))}
            value={value}
            onChange={onChange}
            testId="agent-team"
          />
        </>
      )}
    </fieldset>
  );
}
