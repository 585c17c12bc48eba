import { describe, expect, it } from 'vitest';
import { promptToChatHistory } from './prompt-to-chat-history';

describe('promptToChatHistory', () => {
  it('maps roles, renders tool traffic as text and ends with the answer to write', () => {
    const { history, warnings } = promptToChatHistory([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather?' },
          { type: 'file', data: 'x', mediaType: 'image/png' },
        ],
      },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: '1', toolName: 'weather', input: { city: 'Beijing' } }],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: '1',
            toolName: 'weather',
            output: { type: 'json', value: { c: 21 } },
          },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Thanks' }] },
    ]);
    expect(history).toEqual([
      { type: 'system', text: 'Be brief.' },
      { type: 'user', text: 'Weather?' },
      { type: 'model', response: ['[called tool weather with {"city":"Beijing"}]'] },
      { type: 'user', text: '[result of tool weather]\n{"c":21}\n\nThanks' },
      { type: 'model', response: [] },
    ]);
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported', feature: 'file parts' })]);
  });

  it('continues a trailing assistant message instead of starting a new one', () => {
    const { history } = promptToChatHistory([
      { role: 'user', content: [{ type: 'text', text: 'Count' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'One, two,' }] },
    ]);
    expect(history.at(-1)).toEqual({ type: 'model', response: ['One, two,'] });
  });
});
