import { NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n';
import './agents-nav.css';

const svg = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  focusable: false,
} as const;

const AgentIcon = () => (
  <svg {...svg} aria-hidden="true">
    <rect x="4" y="8" width="16" height="12" rx="3" />
    <path d="M12 4v4M9 13h.01M15 13h.01M9.5 16.5h5" />
  </svg>
);

const PlazaIcon = () => (
  <svg {...svg} aria-hidden="true">
    <circle cx="12" cy="12" r="9" />
    <path d="m15.5 8.5-2 5-5 2 2-5Z" />
  </svg>
);

/** Sidebar entries for the agents and the plaza (kept out of their lazy chunks: always shown). */
export function AgentsNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  return (
    <nav className="sidebar-nav" aria-label={`${t('navAgents')} / ${t('navPlaza')}`}>
      <NavLink
        to="/agents"
        className="nav-link"
        onClick={onNavigate}
        aria-label={t('navAgents')}
        data-testid="nav-agents"
      >
        <AgentIcon />
        {t('navAgents')}
      </NavLink>
      <NavLink
        to="/plaza"
        className="nav-link"
        onClick={onNavigate}
        aria-label={t('navPlaza')}
        data-testid="nav-plaza"
      >
        <PlazaIcon />
        {t('navPlaza')}
      </NavLink>
    </nav>
  );
}
