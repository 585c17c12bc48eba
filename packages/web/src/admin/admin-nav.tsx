import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { isAdmin } from './is-admin';

const ShieldIcon = () => (
  <svg
    width={18}
    height={18}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable={false}
  >
    <path d="M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6Z" />
    <path d="m9 12 2 2 4-4" />
  </svg>
);

/** The sidebar entry of the admin pages, rendered for owners and admins only. */
export function AdminNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!isAdmin(user)) return null;
  return (
    <NavLink to="/admin" className="nav-link" onClick={onNavigate} data-testid="nav-admin">
      <ShieldIcon />
      <span>{t('navAdmin')}</span>
    </NavLink>
  );
}
