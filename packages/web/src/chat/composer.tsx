import type { CapabilitiesDto, FileDto } from '@qiao/core';
import { type ClipboardEvent, type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { AttachIcon, CloseIcon, SendIcon, StopIcon } from '../layout/icons';
import { useToast } from '../lib/toast';
import { uploadFile } from '../lib/upload-file';
import { useOptionalApi } from '../lib/use-optional-api';
import { enterSends } from './enter-sends';
import { ModelPicker } from './model-picker';
import type { ModelChoice } from './use-models';
import { VoiceButton } from './voice-button';

interface Props {
  models: ModelChoice[];
  model: string;
  onModel: (id: string) => void;
  streaming: boolean;
  onSend: (text: string, files: FileDto[]) => void;
  onStop: () => void;
}

interface Chip {
  key: number;
  name: string;
  file?: FileDto;
}

let chipKey = 0;

/** The input box: text, files and images (also pasted), voice, model, send / stop. */
export function Composer({ models, model, onModel, streaming, onSend, onStop }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const capabilities = useOptionalApi<CapabilitiesDto>('/api/capabilities');
  const [draft, setDraft] = useState('');
  const [chips, setChips] = useState<Chip[]>([]);
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const uploading = chips.some((chip) => !chip.file);

  // grow with the text up to a limit, then scroll
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure whenever the text changes
  useLayoutEffect(() => {
    const area = input.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight, 240)}px`;
  }, [draft]);

  const canSend = draft.trim().length > 0 && !!model && !streaming && !uploading;

  const submit = () => {
    if (!canSend) return;
    onSend(
      draft.trim(),
      chips.flatMap((chip) => (chip.file ? [chip.file] : [])),
    );
    setDraft('');
    setChips([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!enterSends({ ...event, isComposing: event.nativeEvent.isComposing })) return;
    event.preventDefault();
    submit();
  };

  const add = (files: File[]) => {
    for (const file of files) {
      const key = ++chipKey;
      setChips((list) => [...list, { key, name: file.name || 'image.png' }]);
      uploadFile(file)
        .then((uploaded) =>
          setChips((list) => list.map((c) => (c.key === key ? { ...c, file: uploaded } : c))),
        )
        .catch((error: Error) => {
          setChips((list) => list.filter((c) => c.key !== key));
          toast(t('errorPrefix') + error.message);
        });
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    if (!capabilities) return;
    const images = [...event.clipboardData.files].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    event.preventDefault();
    add(images);
  };

  return (
    <div className="composer">
      {chips.length > 0 && (
        <div className="attachments" data-testid="attachments">
          {chips.map((chip) => (
            <span key={chip.key} className={`file-chip ${chip.file ? '' : 'busy'}`} data-testid="file-chip">
              {chip.name}
              {!chip.file && <span className="muted"> {t('uploading')}</span>}
              <button
                type="button"
                className="icon-button tiny"
                aria-label={`${t('removeFile')} ${chip.name}`}
                onClick={() => setChips((list) => list.filter((c) => c.key !== chip.key))}
              >
                <CloseIcon />
              </button>
            </span>
          ))}
        </div>
      )}
      <textarea
        id="composer-input"
        ref={input}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        placeholder={t('composerPlaceholder')}
        aria-label={t('composerPlaceholder')}
        rows={1}
        data-testid="composer"
      />
      <div className="composer-bar">
        {capabilities && (
          <>
            <button
              type="button"
              className="icon-button"
              aria-label={t('attach')}
              title={t('attach')}
              onClick={() => picker.current?.click()}
              data-testid="attach"
            >
              <AttachIcon />
            </button>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              onChange={(e) => {
                add([...(e.target.files ?? [])]);
                e.target.value = '';
              }}
              data-testid="file-input"
            />
          </>
        )}
        {capabilities?.transcription && (
          <VoiceButton onText={(text) => setDraft((d) => (d ? `${d} ${text}` : text))} />
        )}
        <ModelPicker models={models} value={model} onChange={onModel} />
        <span className="spacer" />
        {streaming ? (
          <button
            type="button"
            className="send-button"
            onClick={onStop}
            aria-label={t('stop')}
            title={t('stop')}
            data-testid="stop"
          >
            <StopIcon />
          </button>
        ) : (
          <button
            type="button"
            className="send-button"
            onClick={submit}
            disabled={!canSend}
            aria-label={t('send')}
            title={t('send')}
            data-testid="send"
          >
            <SendIcon />
          </button>
        )}
      </div>
    </div>
  );
}
