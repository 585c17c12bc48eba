import type { KbTeamShare, KbTeamsDto, TeamNameDto } from '@qiao/core';
import { useState } from 'react';
import { isAdmin } from '../admin/is-admin';
import { useSession } from '../auth/session';
import { api } from '../lib/api';
import { useKbText } from './kb-text';
import { useAsync } from './use-async';

type Choice = 'none' | KbTeamShare['role'];
const choices: Choice[] = ['none', 'read', 'write'];

/**
 * The teams the knowledge base is shared with, a role for each: every member of a team gets
 * that role. Managers only; each change replaces the whole set (PUT …/teams).
 */
export function KbTeamsPanel({ kbId }: { kbId: string }) {
  const t = useKbText();
  const { user } = useSession();
  const path = `/api/knowledge-bases/${encodeURIComponent(kbId)}/teams`;
  const teams = useAsync('team-names', () => api<{ teams: TeamNameDto[] }>('/api/teams/names'));
  const shares = useAsync(`kb-teams-${kbId}`, () => api<KbTeamsDto>(path));
  const [error, setError] = useState<string>();

  const roleOf = (teamId: string): Choice =>
    shares.data?.shares.find((s) => s.teamId === teamId)?.role ?? 'none';
  const change = async (teamId: string, choice: Choice) => {
    setError(undefined);
    const next = (shares.data?.shares ?? [])
      .filter((s) => s.teamId !== teamId)
      .map(({ teamId, role }) => ({ teamId, role }));
    if (choice !== 'none') next.push({ teamId, role: choice });
    try {
      const saved = await api<KbTeamsDto>(path, { method: 'PUT', body: { shares: next } });
      shares.setData(() => saved);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  const all = teams.data?.teams ?? [];
  return (
    <section className="kb-section" aria-label={t('teams')} data-testid="kb-teams">
      <div>
        <h3>{t('teams')}</h3>
        <p className="muted small">{all.length === 0 ? t('noTeams') : t('teamsHint')}</p>
      </div>
      {all.length > 0 && (
        <ul className="list">
          {all.map((team) => (
            <li key={team.id} data-testid="kb-team">
              <span>{team.name}</span>
              <select
                value={roleOf(team.id)}
                // only members (or administrators) may add a team; a share already there can change
                disabled={!shares.data || (!team.member && !isAdmin(user) && roleOf(team.id) === 'none')}
                aria-label={`${t('role')} ${team.name}`}
                onChange={(e) => void change(team.id, e.target.value as Choice)}
              >
                {choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice === 'none' ? t('notShared') : t(`role_${choice}`)}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {(error || shares.error || teams.error) && (
        <p className="error" role="alert">
          {error ?? shares.error ?? teams.error}
        </p>
      )}
    </section>
  );
}
