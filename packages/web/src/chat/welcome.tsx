import type { AssistantDto } from '@qiao/core';
import { useI18n } from '../i18n/i18n';
import { useOptionalApi } from '../lib/use-optional-api';

/** A new chat: greeting, self-introduction and suggested questions that send when clicked. */
export function Welcome({ onPick, disabled }: { onPick: (text: string) => void; disabled: boolean }) {
  const { t, locale } = useI18n();
  const assistant = useOptionalApi<AssistantDto>(`/api/assistant?lang=${locale}`);
  const greeting = assistant?.greeting ?? t('welcomeGreeting');
  const intro = assistant?.intro ?? t('welcomeIntro');
  const suggestions = assistant?.suggestions?.length
    ? assistant.suggestions
    : [t('suggestion1'), t('suggestion2'), t('suggestion3'), t('suggestion4')];

  return (
    <section className="welcome" data-testid="welcome">
      <div className="welcome-logo" aria-hidden="true">
        桥
      </div>
      <h1>{greeting}</h1>
      <p className="intro">{intro}</p>
      <div className="suggestions">
        {suggestions.map((text) => (
          <button
            key={text}
            type="button"
            className="suggestion"
            disabled={disabled}
            onClick={() => onPick(text)}
            data-testid="suggestion"
          >
            {text}
          </button>
        ))}
      </div>
    </section>
  );
}
