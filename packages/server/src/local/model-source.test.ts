import { describe, expect, it } from 'vitest';
import { parseModelSource } from './model-source';

const hf = 'https://hf-mirror.example';

describe('parseModelSource', () => {
  it('resolves Hugging Face names on the configured endpoint', () => {
    const expected = {
      url: `${hf}/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/q4.gguf`,
      fileName: 'q4.gguf',
    };
    expect(parseModelSource('Qwen/Qwen2.5-0.5B-Instruct-GGUF/q4.gguf', hf)).toEqual(expected);
    expect(parseModelSource('hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF:q4.gguf', `${hf}/`)).toEqual(expected);
    expect(parseModelSource('o/r/sub dir/m.gguf', hf)).toEqual({
      url: `${hf}/o/r/resolve/main/sub%20dir/m.gguf`,
      fileName: 'm.gguf',
    });
  });

  it('takes full URLs as they are', () => {
    expect(parseModelSource('https://cdn.example/x/model%201.gguf?download=1', hf)).toEqual({
      url: 'https://cdn.example/x/model%201.gguf?download=1',
      fileName: 'model 1.gguf',
    });
  });

  it('refuses names that are not .gguf files or escape the models folder', () => {
    for (const name of [
      'owner/repo',
      'o/r/readme.md',
      'o/r/../x.gguf',
      'https://x.example/.gguf',
      'https://x.example/a%2F..%2Fb.gguf',
    ]) {
      expect(() => parseModelSource(name, hf), name).toThrow(
        expect.objectContaining({ code: 'bad_request' }),
      );
    }
  });
});
