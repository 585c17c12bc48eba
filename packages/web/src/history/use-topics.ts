import type { TopicDto, TopicListDto } from '@qiao/core';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api';

/** The user's topics; `available` stays false when the server has no /api/topics. */
export function useTopics() {
  const [topics, setTopics] = useState<TopicDto[]>([]);
  const [available, setAvailable] = useState(false);

  const reload = useCallback(async () => {
    try {
      const reply = await api<TopicListDto>('/api/topics');
      setTopics(reply.topics);
      setAvailable(true);
    } catch {
      setAvailable(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async (name: string) => {
    await api<TopicDto>('/api/topics', { body: { name } });
    await reload();
  };
  const rename = async (id: string, name: string) => {
    await api<TopicDto>(`/api/topics/${id}`, { method: 'PATCH', body: { name } });
    await reload();
  };
  const remove = async (id: string) => {
    await api(`/api/topics/${id}`, { method: 'DELETE' });
    await reload();
  };

  return { topics, available, create, rename, remove };
}
