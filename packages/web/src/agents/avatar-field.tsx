import { useRef, useState } from 'react';
import { useToast } from '../lib/toast';
import { uploadFile } from '../lib/upload-file';
import { AgentAvatar } from './agent-avatar';
import { useAgentText } from './use-agent-text';

const isImage = (avatar: string) => avatar.startsWith('/');

/** An emoji typed in, or an image uploaded through /api/files and referenced by its URL. */
export function AvatarField({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const { t } = useAgentText();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const stored = await uploadFile(file);
      onChange(`/api/files/${stored.id}/content`);
    } catch (error) {
      toast((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="agent-field avatar-field">
      <span className="agent-field-label">{t('avatar')}</span>
      <div className="avatar-row">
        <AgentAvatar avatar={value} size={44} />
        {isImage(value) ? (
          <button
            type="button"
            className="ghost small"
            onClick={() => onChange('🤖')}
            aria-label={t('removeImage')}
          >
            {t('removeImage')}
          </button>
        ) : (
          <input
            className="emoji-input"
            value={value}
            maxLength={16}
            onChange={(e) => onChange(e.target.value)}
            aria-label={t('avatar')}
            data-testid="agent-avatar-input"
          />
        )}
        <button
          type="button"
          className="ghost small"
          disabled={busy}
          onClick={() => input.current?.click()}
          aria-label={t('uploadAvatar')}
        >
          {t('uploadAvatar')}
        </button>
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          hidden
          onChange={(e) => void upload(e.target.files?.[0])}
          data-testid="agent-avatar-file"
        />
      </div>
    </div>
  );
}
