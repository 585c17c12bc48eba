import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n';
import { type AgentMessageKey, agentMessagesEn, agentMessagesZh } from './agent-messages';

/** `t` for the agents and plaza pages, in the app's current language. */
export function useAgentText(): { t: (key: AgentMessageKey) => string; locale: 'zh-CN' | 'en' } {
  const { locale } = useI18n();
  const t = useCallback(
    (key: AgentMessageKey) => (locale === 'en' ? agentMessagesEn : agentMessagesZh)[key],
    [locale],
  );
  return { t, locale };
}
