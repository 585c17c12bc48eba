import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { AuthForm } from './auth-form';
import { ChatPage } from './chat-page';
import { useI18n } from './i18n';

type Screen = 'loading' | 'setup' | 'login' | 'chat';

/** Decides between first-run setup, sign-in and the chat. */
export function App() {
  const { t, toggle } = useI18n();
  const [screen, setScreen] = useState<Screen>('loading');

  const check = useCallback(async () => {
    try {
      const { needsSetup } = await api<{ needsSetup: boolean }>('/api/auth/setup');
      if (needsSetup) return setScreen('setup');
      await api('/api/auth/me');
      setScreen('chat');
    } catch {
      setScreen('login');
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  const signOut = async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setScreen('login');
  };

  return (
    <div className="app">
      <header className="topbar">
        <strong>{t('appName')}</strong>
        <span className="tagline">{t('tagline')}</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={toggle} data-testid="language">
          {t('language')}
        </button>
        {screen === 'chat' && (
          <button type="button" className="link" onClick={signOut}>
            {t('signOut')}
          </button>
        )}
      </header>
      {screen === 'setup' && <AuthForm mode="setup" onDone={check} />}
      {screen === 'login' && <AuthForm mode="login" onDone={check} />}
      {screen === 'chat' && <ChatPage />}
    </div>
  );
}
