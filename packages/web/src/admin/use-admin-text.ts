import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n';
import { type AdminMessageKey, adminMessagesEn, adminMessagesZh } from './admin-messages';

/** `t` for the admin pages and key policies, in the app's current language. */
export function useAdminText(): { t: (key: AdminMessageKey) => string; locale: 'zh-CN' | 'en' } {
  const { locale } = useI18n();
  const t = useCallback(
    (key: AdminMessageKey) => (locale === 'en' ? adminMessagesEn : adminMessagesZh)[key],
    [locale],
  );
  return { t, locale };
}
