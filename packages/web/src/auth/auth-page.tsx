import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { AuthForm } from './auth-form';

/** /login and /setup: a centered card with the brand above it. */
export function AuthPage({ mode }: { mode: 'login' | 'setup' }) {
  const { t, toggle } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="brand">
          <span className="logo" aria-hidden="true">
            桥
          </span>
          {t('appName')}
        </span>
        <button
          type="button"
          className="ghost small"
          onClick={toggle}
          data-testid="language"
          aria-label={t('languageLabel')}
        >
          {t('language')}
        </button>
      </header>
      <p className="auth-tagline">{t('tagline')}</p>
      <AuthForm
        mode={mode}
        onDone={() =>
          navigate(from.startsWith('/login') || from.startsWith('/setup') ? '/' : from, { replace: true })
        }
      />
    </div>
  );
}
