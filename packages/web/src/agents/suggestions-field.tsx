import { useAgentText } from './use-agent-text';

const max = 5;

/** The 3–5 suggested first questions, one text box each. */
export function SuggestionsField({
  value,
  onChange,
}: {
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useAgentText();
  const rows = value.length > 0 ? value : [''];
  const set = (index: number, text: string) => onChange(rows.map((old, i) => (i === index ? text : old)));
  return (
    <fieldset className="agent-field suggestions-field">
      <legend>{t('suggestions')}</legend>
      {rows.map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
        <div className="suggestion-row" key={index}>
          <input
            value={text}
            maxLength={200}
            onChange={(e) => set(index, e.target.value)}
            aria-label={`${t('suggestion')} ${index + 1}`}
            data-testid="agent-suggestion"
          />
          <button
            type="button"
            className="icon-button small"
            aria-label={t('removeSuggestion')}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      {rows.length < max && (
        <button
          type="button"
          className="ghost small"
          aria-label={t('addSuggestion')}
          onClick={() => onChange([...rows, ''])}
          data-testid="agent-add-suggestion"
        >
          + {t('addSuggestion')}
        </button>
      )}
    </fieldset>
  );
}
