import { expect, test } from 'vitest';
import { modelChoices } from './use-models';

test('chat models from GET /api/models, aliases first, vision marked, with the default', () => {
  const body = {
    models: [
      { id: 'openai/gpt', kind: 'chat', vision: true },
      { id: 'openai/embed', kind: 'embedding' },
    ],
    aliases: { fast: ['openai/gpt'] },
    defaultModel: 'fast',
  };
  expect(modelChoices(body)).toEqual({
    models: [
      { id: 'fast', vision: false },
      { id: 'openai/gpt', vision: true },
    ],
    defaultModel: 'fast',
  });
});

test('tolerates a plain list or an OpenAI-style data list', () => {
  expect(modelChoices(['a/b']).models).toEqual([{ id: 'a/b', vision: false }]);
  expect(modelChoices({ data: [{ id: 'x/y' }] }).models).toEqual([{ id: 'x/y', vision: false }]);
});
