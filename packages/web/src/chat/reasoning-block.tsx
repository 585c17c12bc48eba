import { useI18n } from '../i18n/i18n';
import { SparkIcon } from '../layout/icons';
import type { UiToolCall } from './thread';

/** The model's "thinking", folded away once the answer starts. */
export function ReasoningBlock({ text, streaming }: { text: string; streaming: boolean }) {
  const { t } = useI18n();
  return (
    <details className="fold reasoning" open={streaming} data-testid="reasoning">
      <summary>
        <SparkIcon />
        {t('thinking')}
      </summary>
      <div className="fold-body">{text}</div>
    </details>
  );
}

export function ToolCallBlock({ call }: { call: UiToolCall }) {
  const { t } = useI18n();
  return (
    <details className="fold tool-call" data-testid="tool-call">
      <summary>
        {t('toolCall')}: <code>{call.name}</code>
      </summary>
      <pre className="fold-body">{call.arguments}</pre>
      {call.result && (
        <div className="fold-body" data-testid="tool-result" data-ok={call.result.ok}>
          <pre>{clip(call.result.content)}</pre>
          {call.result.sources.filter(isWebLink).map((source) => (
            <a key={source.url} href={source.url} target="_blank" rel="noopener noreferrer nofollow">
              {source.title || source.url}
            </a>
          ))}
        </div>
      )}
    </details>
  );
}

const maxShown = 2_000;
const clip = (text: string) => (text.length > maxShown ? `${text.slice(0, maxShown)}…` : text);

/** Sources come from tools that read the web; only plain web links become anchors. */
const isWebLink = (source: { url: string }) => /^https?:\/\//i.test(source.url);
