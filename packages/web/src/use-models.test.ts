import { expect, test } from 'vitest';
import { modelChoices } from './use-models';

test('chat models from GET /api/models, aliases first, with the default', () => {
  const body = {
    models: [
      { id: 'openai/gpt', kind: 'chat' },
      { id: 'openai/embed', kind: 'embedding' },
    ],
    aliases: { fast: ['openai/gpt'] },
    defaultModel: 'fast',
  };
  expect(modelChoices(body)).toEqual({ models: ['fast', 'openai/gpt'], defaultModel: 'fast' });
});

test('tolerates a plain list or an OpenAI-style data list', () => {
  expect(modelChoices(['a/b']).models).toEqual(['a/b']);
  expect(modelChoices({ data: [{ id: 'x/y' }] }).models).toEqual(['x/y']);
});
