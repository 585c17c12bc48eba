import type { Theme, UpdateSettingsBody, UserSettingsDto } from '@qiao/core';
import { useEffect, useState } from 'react';
import { useModels } from '../chat/use-models';
import { useI18n } from '../i18n/i18n';
import { api } from '../lib/api';
import { useTheme } from '../lib/theme';
import { useToast } from '../lib/toast';
import { forgetApi } from '../lib/use-optional-api';

/** Default model, language and theme; stored on the server when /api/me/settings exists. */
export function GeneralSettings() {
  const { t, choice, setChoice } = useI18n();
  const { theme, setTheme } = useTheme();
  const toast = useToast();
  const { models } = useModels();
  const [settings, setSettings] = useState<UserSettingsDto>();

  useEffect(() => {
    api<UserSettingsDto>('/api/me/settings')
      .then(setSettings)
      .catch(() => undefined);
  }, []);

  const save = async (change: UpdateSettingsBody) => {
    if (change.language !== undefined) setChoice(change.language);
    if (change.theme) setTheme(change.theme);
    if (!settings) return;
    try {
      setSettings(await api<UserSettingsDto>('/api/me/settings', { method: 'PATCH', body: change }));
      forgetApi('/api/me/settings');
      toast(t('saved'));
    } catch (error) {
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  return (
    <div className="settings-section" data-testid="general-settings">
      {settings && (
        <label className="field">
          <span>{t('defaultModel')}</span>
          <select
            value={settings.defaultModel ?? ''}
            onChange={(e) => void save({ defaultModel: e.target.value || null })}
            data-testid="default-model"
          >
            <option value="">{t('serverDefault')}</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('languageLabel')}</span>
        <select
          value={choice ?? ''}
          onChange={(e) => void save({ language: (e.target.value || null) as 'zh-CN' | 'en' | null })}
          data-testid="language-select"
        >
          <option value="">{t('followBrowser')}</option>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label className="field">
        <span>{t('theme')}</span>
        <select
          value={theme}
          onChange={(e) => void save({ theme: e.target.value as Theme })}
          data-testid="theme-select"
        >
          <option value="system">{t('themeSystem')}</option>
          <option value="light">{t('themeLight')}</option>
          <option value="dark">{t('themeDark')}</option>
        </select>
      </label>
      <h3>{t('shortcuts')}</h3>
      <dl className="shortcuts">
        <dt>
          <kbd>Ctrl/⌘</kbd> + <kbd>Shift</kbd> + <kbd>O</kbd>
        </dt>
        <dd>{t('shortcutNewChat')}</dd>
        <dt>
          <kbd>Shift</kbd> + <kbd>Esc</kbd>
        </dt>
        <dd>{t('shortcutFocus')}</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>{t('shortcutStop')}</dd>
      </dl>
    </div>
  );
}
