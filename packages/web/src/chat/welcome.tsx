import type { AgentDto, AssistantDto } from '@qiao/core';
import { AgentAvatar } from '../agents/agent-avatar';
import { useI18n } from '../i18n/i18n';
import { useOptionalApi } from '../lib/use-optional-api';

/**
 * A new chat: greeting, self-introduction and suggested questions that send when clicked —
 * the default assistant's, or the chosen agent's (nothing while that agent loads).
 */
export function Welcome({
  onPick,
  disabled,
  agent,
  waiting = false,
}: {
  onPick: (text: string) => void;
  disabled: boolean;
  agent?: AgentDto;
  waiting?: boolean;
}) {
  const { t, locale } = useI18n();
  const assistant = useOptionalApi<AssistantDto>(`/api/assistant?lang=${locale}`);
  const greeting = agent ? agent.name : (assistant?.greeting ?? t('welcomeGreeting'));
  const intro = agent ? agent.welcome || agent.description : (assistant?.intro ?? t('welcomeIntro'));
  const suggestions = agent
    ? agent.suggestions
    : assistant?.suggestions?.length
      ? assistant.suggestions
      : [t('suggestion1'), t('suggestion2'), t('suggestion3'), t('suggestion4')];
  if (waiting) return <section className="welcome" data-testid="welcome-waiting" />;

  return (
    <section className="welcome" data-testid="welcome" data-agent={agent?.id}>
      {agent ? (
        <AgentAvatar avatar={agent.avatar} url={agent.avatarUrl} size={56} />
      ) : (
        <div className="welcome-logo" aria-hidden="true">
          桥
        </div>
      )}
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
