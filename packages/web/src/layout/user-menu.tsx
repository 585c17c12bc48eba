import type { Theme } from '@qiao/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { useTheme } from '../lib/theme';
import { SettingsIcon } from './icons';

const themes: { value: Theme; key: 'themeLight' | 'themeDark' | 'themeSystem' }[] = [
  { value: 'light', key: 'themeLight' },
  { value: 'dark', key: 'themeDark' },
  { value: 'system', key: 'themeSystem' },
];

/** The signed-in user at the foot of the sidebar: settings, theme, language, sign out. */
export function UserMenu() {
  const { t, locale, setChoice } = useI18n();
  const { theme, setTheme } = useTheme();
  const { user, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      {open && (
        <div className="popover menu up" role="menu" data-testid="user-menu-popover">
          <Link
            to="/settings"
            role="menuitem"
            className="menu-link"
            onClick={() => setOpen(false)}
            data-testid="settings-link"
          >
            <SettingsIcon />
            {t('settings')}
          </Link>
          <fieldset className="menu-row" aria-label={t('theme')}>
            {themes.map((item) => (
              <button
                key={item.value}
                type="button"
                className={`chip ${theme === item.value ? 'active' : ''}`}
                aria-pressed={theme === item.value}
                onClick={() => setTheme(item.value)}
                data-testid={`theme-${item.value}`}
              >
                {t(item.key)}
              </button>
            ))}
          </fieldset>
          <fieldset className="menu-row" aria-label={t('languageLabel')}>
            {(['zh-CN', 'en'] as const).map((value) => (
              <button
                key={value}
                type="button"
                className={`chip ${locale === value ? 'active' : ''}`}
                aria-pressed={locale === value}
                onClick={() => setChoice(value)}
              >
                {value === 'zh-CN' ? '中文' : 'English'}
              </button>
            ))}
          </fieldset>
          <button
            type="button"
            role="menuitem"
            className="danger"
            onClick={() => void signOut()}
            data-testid="sign-out"
          >
            {t('signOut')}
          </button>
        </div>
      )}
      <button
        type="button"
        className="user-button"
        aria-label={t('userMenu')}
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu"
      >
        <span className="user-avatar" aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{user.username}</span>
      </button>
    </div>
  );
}
