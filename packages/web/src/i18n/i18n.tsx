import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { dictionaries, type Locale, type MessageKey, pickLocale } from './messages';

interface I18n {
  locale: Locale;
  /** the explicit choice; null follows the browser */
  choice: Locale | null;
  t: (key: MessageKey) => string;
  setChoice: (choice: Locale | null) => void;
  toggle: () => void;
}

const storageKey = 'qiao.locale';
const I18nContext = createContext<I18n | undefined>(undefined);

function browserLocale(): Locale {
  return pickLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

function savedChoice(): Locale | null {
  const saved = localStorage.getItem(storageKey);
  return saved === 'zh-CN' || saved === 'en' ? saved : null;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<Locale | null>(savedChoice);
  const locale = choice ?? browserLocale();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setChoice = useCallback((next: Locale | null) => {
    if (next) localStorage.setItem(storageKey, next);
    else localStorage.removeItem(storageKey);
    setChoiceState(next);
  }, []);

  const toggle = useCallback(() => setChoice(locale === 'zh-CN' ? 'en' : 'zh-CN'), [locale, setChoice]);

  const value = useMemo<I18n>(
    () => ({ locale, choice, t: (key) => dictionaries[locale][key], setChoice, toggle }),
    [locale, choice, setChoice, toggle],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
