import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { dictionaries, type Locale, type MessageKey, pickLocale } from './messages';

interface I18n {
  locale: Locale;
  t: (key: MessageKey) => string;
  toggle: () => void;
}

const storageKey = 'qiao.locale';
const I18nContext = createContext<I18n | undefined>(undefined);

function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return pickLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const toggle = useCallback(() => {
    setLocale((current) => {
      const next = current === 'zh-CN' ? 'en' : 'zh-CN';
      localStorage.setItem(storageKey, next);
      return next;
    });
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, t: (key) => dictionaries[locale][key], toggle }),
    [locale, toggle],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
