import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';

/** Files by drag-and-drop or the file picker (several at once), or a web page by URL. */
export function DocumentUploader({ kbId, onAdded }: { kbId: string; onAdded: () => void }) {
  const t = useKbText();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<string>();

  const run = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await work());
      onAdded();
    } catch (caught) {
      setMessage((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const upload = (files: readonly File[]) => {
    if (files.length === 0) return;
    void run(async () => {
      const result = await kbApi.upload(kbId, files);
      return result.rejected.length > 0
        ? t('rejected') + result.rejected.map((r) => `${r.name}: ${r.message}`).join('; ')
        : undefined;
    });
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    upload([...event.dataTransfer.files]);
  };

  const addUrl = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await kbApi.addUrl(kbId, url.trim());
      setUrl('');
      return undefined;
    });
  };

  return (
    <div className="kb-uploader">
      <section
        aria-label={t('upload')}
        className={`drop-zone ${dragging ? 'dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="kb-drop"
      >
        <span>{t('dropHint')}</span>
        <button type="button" className="primary" disabled={busy} onClick={() => input.current?.click()}>
          {t('upload')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={t('upload')}
          data-testid="kb-upload"
          onChange={(event) => {
            upload([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <span className="muted small">{t('formats')}</span>
      </section>
      <form className="inline-form" onSubmit={addUrl}>
        <input
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder={t('urlPlaceholder')}
          aria-label={t('addUrl')}
          data-testid="kb-url"
          required
        />
        <button type="submit" className="ghost" disabled={busy || !url.trim()}>
          {t('addUrl')}
        </button>
      </form>
      {message && (
        <p className="error" role="alert" data-testid="kb-upload-message">
          {message}
        </p>
      )}
    </div>
  );
}
