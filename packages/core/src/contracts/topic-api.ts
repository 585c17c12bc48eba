import { z } from 'zod';

/** /api/topics: named threads a user files conversations under. */

const topicName = z.string().trim().min(1, 'must not be empty').max(100);

export const createTopicBody = z.strictObject({ name: topicName });
export type CreateTopicBody = z.infer<typeof createTopicBody>;

export const updateTopicBody = z.strictObject({ name: topicName });
export type UpdateTopicBody = z.infer<typeof updateTopicBody>;

export interface TopicDto {
  id: string;
  name: string;
  createdAt: string;
}

export interface TopicListDto {
  topics: TopicDto[];
}
