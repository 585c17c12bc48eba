import { type ModerationAction, moderationActions } from '@qiao/core';
import { useAdminText } from './use-admin-text';

interface Props {
  value: ModerationAction;
  onChange: (action: ModerationAction) => void;
  label: string;
  testId: string;
}

export function ActionSelect({ value, onChange, label, testId }: Props) {
  const { t } = useAdminText();
  return (
    <select
      value={value}
      onChange={(e) => onChange(e.target.value as ModerationAction)}
      aria-label={label}
      data-testid={testId}
    >
      {moderationActions.map((action) => (
        <option key={action} value={action}>
          {t(`action_${action}`)}
        </option>
      ))}
    </select>
  );
}
