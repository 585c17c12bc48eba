import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';

export interface SessionUser {
  id: string;
  username: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
}

interface Session {
  user: SessionUser;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

type Gate =
  | { state: 'checking' }
  | { state: 'setup' }
  | { state: 'login' }
  | { state: 'in'; user: SessionUser };

/** Renders its children only when signed in; otherwise sends the visitor to /setup or /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  const [gate, setGate] = useState<Gate>({ state: 'checking' });

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const { user } = await api<{ user: SessionUser }>('/api/auth/me');
        if (live) setGate({ state: 'in', user });
      } catch {
        const setup = await api<{ needsSetup: boolean }>('/api/auth/setup').catch(() => ({
          needsSetup: false,
        }));
        if (live) setGate({ state: setup.needsSetup ? 'setup' : 'login' });
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setGate({ state: 'login' });
  }, []);

  if (gate.state === 'checking') return <div className="page-loading">{t('loading')}</div>;
  if (gate.state === 'setup') return <Navigate to="/setup" replace />;
  if (gate.state === 'login') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <SessionContext.Provider value={{ user: gate.user, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}
