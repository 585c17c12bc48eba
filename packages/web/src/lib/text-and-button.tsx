interface TextAndButtonProps {
  value: string;
  onChange: (value: string) => void;
  /** the field's accessible name and placeholder */
  label: string;
  placeholder?: string;
  button: string;
  buttonClass?: 'primary' | 'ghost';
  /** test ids of the field and of the button */
  testIds: { input: string; button: string };
}

/** A required text field with its submit button on one line, inside the caller's form. */
export function TextAndButton(props: TextAndButtonProps) {
  return (
    <div className="inline-form">
      <input
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder ?? props.label}
        aria-label={props.label}
        required
        data-testid={props.testIds.input}
      />
      <button type="submit" className={props.buttonClass ?? 'primary'} data-testid={props.testIds.button}>
        {props.button}
      </button>
    </div>
  );
}
