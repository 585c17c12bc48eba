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
    </details>
  );
}
