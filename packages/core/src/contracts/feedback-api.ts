import { z } from 'zod';

/** POST /api/messages/:id/feedback: like or dislike an answer (only the owner's assistant messages). */

export const feedbackReasons = ['inaccurate', 'harmful', 'unhelpful', 'other'] as const;
export type FeedbackReason = (typeof feedbackReasons)[number];

export const feedbackBody = z.strictObject({
  /** null clears the rating (and its reason and comment) */
  rating: z.enum(['like', 'dislike']).nullable(),
  reason: z.enum(feedbackReasons).optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type FeedbackBody = z.infer<typeof feedbackBody>;

export interface FeedbackDto {
  rating: 'like' | 'dislike' | null;
  reason: FeedbackReason | null;
  comment: string | null;
}
