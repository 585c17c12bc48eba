import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { MicIcon, StopIcon } from '../layout/icons';
import { useToast } from '../lib/toast';
import { transcribe } from '../lib/upload-file';

/** Records from the microphone; the transcript is handed to `onText`. */
export function VoiceButton({ onText }: { onText: (text: string) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const recorder = useRef<MediaRecorder | undefined>(undefined);
  const [recording, setRecording] = useState(false);

  const start = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const media = new MediaRecorder(stream);
      media.addEventListener('dataavailable', (event) => chunks.push(event.data));
      media.addEventListener('stop', () => {
        for (const track of stream.getTracks()) track.stop();
        const audio = new Blob(chunks, { type: media.mimeType || 'audio/webm' });
        transcribe(audio)
          .then((text) => text && onText(text))
          .catch((error: Error) => toast(t('errorPrefix') + error.message));
      });
      media.start();
      recorder.current = media;
      setRecording(true);
    } catch (error) {
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  const stop = () => {
    recorder.current?.stop();
    recorder.current = undefined;
    setRecording(false);
  };

  return (
    <button
      type="button"
      className={`icon-button ${recording ? 'recording' : ''}`}
      aria-label={recording ? t('stopRecording') : t('voiceInput')}
      title={recording ? t('stopRecording') : t('voiceInput')}
      aria-pressed={recording}
      onClick={recording ? stop : start}
      data-testid="voice"
    >
      {recording ? <StopIcon /> : <MicIcon />}
    </button>
  );
}
