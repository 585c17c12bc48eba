import { en } from './messages-en';
import { zhCN } from './messages-zh';

export type MessageKey = keyof typeof zhCN;
export type Locale = 'zh-CN' | 'en';

export { en, zhCN };

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Chinese for any zh-* browser language, English otherwise. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
