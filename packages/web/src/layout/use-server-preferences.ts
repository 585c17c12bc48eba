import type { UserSettingsDto } from '@qiao/core';
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';
import { useTheme } from '../lib/theme';
import { useOptionalApi } from '../lib/use-optional-api';

/**
 * On a browser that has no local choice yet, the language and theme saved on the server (from
 * another device) apply. A local choice wins: it is what this person last picked here.
 */
export function useServerPreferences(): void {
  const settings = useOptionalApi<UserSettingsDto>('/api/me/settings');
  const { choice, setChoice } = useI18n();
  const { theme, setTheme } = useTheme();
  // biome-ignore lint/correctness/useExhaustiveDependencies: apply once, when the settings arrive
  useEffect(() => {
    if (!settings) return;
    if (!choice && settings.language && !localStorage.getItem('qiao.locale')) setChoice(settings.language);
    if (theme === 'system' && settings.theme !== 'system' && !localStorage.getItem('qiao.theme'))
      setTheme(settings.theme);
  }, [settings]);
}
