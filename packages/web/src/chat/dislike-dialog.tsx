import type { FeedbackReason } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

// only types come from @qiao/core: its zod schemas would add zod to the bundle
const feedbackReasons: FeedbackReason[] = ['inaccurate', 'harmful', 'unhelpful', 'other'];

const reasonLabel: Record<FeedbackReason, MessageKey> = {
  inaccurate: 'reasonInaccurate',
  harmful: 'reasonHarmful',
  unhelpful: 'reasonUnhelpful',
  other: 'reasonOther',
};

/** Asks why an answer was bad: one reason and an optional comment. */
export function DislikeDialog({
  onSubmit,
  onCancel,
}: {
  onSubmit: (reason: FeedbackReason, comment: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState<FeedbackReason>('inaccurate');
  const [comment, setComment] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason, comment.trim());
  };

  return (
    <form className="popover dislike-dialog" onSubmit={submit} data-testid="dislike-dialog">
      <strong>{t('dislikeTitle')}</strong>
      <fieldset className="reasons" aria-label={t('dislikeTitle')}>
        {feedbackReasons.map((value) => (
          <label
            key={value}
            className={`chip ${reason === value ? 'active' : ''}`}
            data-testid={`reason-${value}`}
          >
            <input
              type="radio"
              name="reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            {t(reasonLabel[value])}
          </label>
        ))}
      </fieldset>
      <textarea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('feedbackComment')}
        aria-label={t('feedbackComment')}
        rows={2}
        data-testid="dislike-comment"
      />
      <div className="row-end">
        <button type="button" className="ghost" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" data-testid="dislike-submit">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
