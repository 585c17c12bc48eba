import { useI18n } from '../i18n/i18n';
import type { ModelChoice } from './use-models';

/** A compact native select (keyboard and screen-reader friendly); vision models are marked. */
export function ModelPicker({
  models,
  value,
  onChange,
}: {
  models: ModelChoice[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <select
      className="model-picker"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-label={t('model')}
      data-testid="model"
    >
      {models.map((m) => (
        <option key={m.id} value={m.id} data-vision={m.vision || undefined}>
          {m.vision ? `${m.id} · ${t('visionModel')}` : m.id}
        </option>
      ))}
    </select>
  );
}
