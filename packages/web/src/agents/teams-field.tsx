import type { TeamNameDto } from '@qiao/core';
import { isAdmin } from '../admin/is-admin';
import { useSession } from '../auth/session';
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
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value, id] : value.filter((other) => other !== id));

  return (
    <fieldset className="agent-field" data-testid="agent-teams">
      <legend>{t('teams')}</legend>
      {teams.length === 0 ? (
        <p className="muted small">{t('noTeams')}</p>
      ) : (
        <>
          <p className="muted small">{t('teamsHint')}</p>
          <div className="check-grid">
            {teams.map((team) => (
              <label key={team.id} className="check">
                <input
                  type="checkbox"
                  checked={value.includes(team.id)}
                  disabled={!team.member && !isAdmin(user) && !value.includes(team.id)}
                  onChange={(e) => toggle(team.id, e.target.checked)}
                  aria-label={team.name}
                  data-testid="agent-team"
                />
                {team.name}
                {team.member && <span className="muted small">{t('teamMember')}</span>}
              </label>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
