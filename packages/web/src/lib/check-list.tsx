export interface CheckItem {
  id: string;
  label: string;
  /** shown after the label, muted */
  note?: string;
  disabled?: boolean;
}

/** A set of ids picked with checkboxes: an agent's knowledge bases, the teams it is shared with. */
export function CheckList({
  items,
  value,
  onChange,
  testId,
}: {
  items: CheckItem[];
  value: string[];
  onChange: (next: string[]) => void;
  testId: string;
}) {
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value, id] : value.filter((other) => other !== id));
  return (
    <div className="check-grid">
      {items.map((item) => (
        <label key={item.id} className="check">
          <input
            type="checkbox"
            checked={value.includes(item.id)}
            disabled={item.disabled}
            onChange={(e) => toggle(item.id, e.target.checked)}
            aria-label={item.label}
            data-testid={testId}
          />
          {item.label}
          {item.note && <span className="muted small">{item.note}</span>}
        </label>
      ))}
    </div>
  );
}
