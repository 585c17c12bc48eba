import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';

/** Sign-in, or on a fresh install the form that creates the first admin. */
export function AuthForm({ mode, onDone }: { mode: 'login' | 'setup'; onDone: () => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api(mode === 'setup' ? '/api/auth/setup' : '/api/auth/login', { body: { username, password } });
      onDone();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card auth" onSubmit={submit} data-testid={`${mode}-form`}>
      <h1>{mode === 'setup' ? t('setupTitle') : t('signIn')}</h1>
      {mode === 'setup' && <p className="hint">{t('setupHint')}</p>}
      <label>
        {t('username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="submit">
        {busy ? t('working') : mode === 'setup' ? t('createAdmin') : t('signIn')}
      </button>
    </form>
  );
}
