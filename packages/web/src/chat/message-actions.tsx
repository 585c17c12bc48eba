import type { FeedbackBody, FeedbackDto, FeedbackReason, ShareDto } from '@qiao/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  CopyIcon,
  DislikeIcon,
  LikeIcon,
  RefreshIcon,
  ShareIcon,
  SpeakerIcon,
  StopIcon,
} from '../layout/icons';
import { api } from '../lib/api';
import { copyText } from '../lib/copy-text';
import { useToast } from '../lib/toast';
import { useChatStore, useStreaming } from './chat-context';
import { DislikeDialog } from './dislike-dialog';
import { speaker, useSpeaking } from './read-aloud';
import { stepVersion, type UiMessage } from './thread';

interface Props {
  message: UiMessage;
  versions: string[];
  index: number;
  model: string;
}

/** The bar under an answer: versions, copy, regenerate, like, dislike, share, read aloud. */
export function MessageActions({ message, versions, index, model }: Props) {
  const { t, locale } = useI18n();
  const store = useChatStore();
  const streaming = useStreaming();
  const toast = useToast();
  const speaking = useSpeaking(message.id);
  const [disliking, setDisliking] = useState(false);
  const saved = !message.id.startsWith('temp-');
  const rating = message.feedback?.rating ?? null;

  const rate = async (body: FeedbackBody) => {
    const previous = message.feedback;
    store.update(message.id, {
      feedback: { rating: body.rating, reason: body.reason ?? null, comment: body.comment ?? null },
    });
    try {
      const feedback = await api<FeedbackDto>(`/api/messages/${message.id}/feedback`, { body });
      store.update(message.id, { feedback });
    } catch (error) {
      store.update(message.id, { feedback: previous });
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  const dislike = (reason: FeedbackReason, comment: string) => {
    setDisliking(false);
    void rate({ rating: 'dislike', reason, ...(comment ? { comment } : {}) });
  };

  const share = async () => {
    try {
      const created = await api<ShareDto>(`/api/conversations/${store.conversationId}/shares`, {
        body: { messageId: message.id },
      });
      const link = new URL(created.url, window.location.origin).href;
      await copyText(link);
      toast(t('shareCopied'), link);
    } catch (error) {
      toast(t('errorPrefix') + (error as Error).message);
    }
  };

  const readAloud = () =>
    speaker
      .toggle(message.id, message.text, locale)
      .catch((error: Error) => toast(t('errorPrefix') + error.message));

  const copy = async () => {
    await copyText(message.text);
    toast(t('copied'));
  };

  return (
    <div className="message-actions">
      {versions.length > 1 && (
        <span className="versions" data-testid="versions">
          <button
            type="button"
            className="icon-button small"
            aria-label={t('previousVersion')}
            disabled={index === 0 || streaming}
            onClick={() => store.select(stepVersion({ versions, index }, -1))}
            data-testid="version-prev"
          >
            <ChevronLeftIcon />
          </button>
          <span data-testid="version-label">
            {index + 1}/{versions.length}
          </span>
          <button
            type="button"
            className="icon-button small"
            aria-label={t('nextVersion')}
            disabled={index === versions.length - 1 || streaming}
            onClick={() => store.select(stepVersion({ versions, index }, 1))}
            data-testid="version-next"
          >
            <ChevronRightIcon />
          </button>
        </span>
      )}
      <button
        type="button"
        className="icon-button small"
        aria-label={t('copy')}
        title={t('copy')}
        onClick={copy}
        data-testid="copy"
      >
        <CopyIcon />
      </button>
      <button
        type="button"
        className="icon-button small"
        aria-label={t('regenerate')}
        title={t('regenerate')}
        disabled={streaming || !saved}
        onClick={() => void store.regenerate(message.id, model)}
        data-testid="regenerate"
      >
        <RefreshIcon />
      </button>
      <button
        type="button"
        className={`icon-button small ${rating === 'like' ? 'active' : ''}`}
        aria-label={t('like')}
        title={t('like')}
        aria-pressed={rating === 'like'}
        disabled={!saved}
        onClick={() => void rate({ rating: rating === 'like' ? null : 'like' })}
        data-testid="like"
      >
        <LikeIcon />
      </button>
      <span className="anchor">
        <button
          type="button"
          className={`icon-button small ${rating === 'dislike' ? 'active' : ''}`}
          aria-label={t('dislike')}
          title={t('dislike')}
          aria-pressed={rating === 'dislike'}
          disabled={!saved}
          onClick={() => (rating === 'dislike' ? void rate({ rating: null }) : setDisliking((open) => !open))}
          data-testid="dislike"
        >
          <DislikeIcon />
        </button>
        {disliking && <DislikeDialog onSubmit={dislike} onCancel={() => setDisliking(false)} />}
      </span>
      <button
        type="button"
        className="icon-button small"
        aria-label={t('share')}
        title={t('share')}
        disabled={!saved || streaming}
        onClick={share}
        data-testid="share"
      >
        <ShareIcon />
      </button>
      <button
        type="button"
        className={`icon-button small ${speaking ? 'active' : ''}`}
        aria-label={speaking ? t('stopReading') : t('readAloud')}
        title={speaking ? t('stopReading') : t('readAloud')}
        aria-pressed={speaking}
        disabled={!message.text}
        onClick={readAloud}
        data-testid="read-aloud"
      >
        {speaking ? <StopIcon /> : <SpeakerIcon />}
      </button>
    </div>
  );
}
