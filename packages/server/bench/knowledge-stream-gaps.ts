import type { KnowledgeBenchEnv } from './knowledge-bench-env';

/**
 * Streams chat answers through the app for as long as `until` says, and returns the gaps
 * between consecutive deltas in ms (the fixture sends one every 20 ms: the excess is jitter).
 */
export async function streamGaps(env: KnowledgeBenchEnv, until: () => boolean): Promise<number[]> {
  const headers = { authorization: `Bearer ${env.key}`, 'content-type': 'application/json' };
  const gaps: number[] = [];
  do {
    const created = await env.app.request('/api/conversations', {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: 'paced/fixture-long-150' }),
    });
    const { id } = (await created.json()) as { id: string };
    const res = await env.app.request(`/api/conversations/${id}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ content: 'tell me a long story' }),
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let last: number | undefined;
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      const deltas = buffer.split('event: delta').length - 1;
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      if (deltas === 0) continue;
      const now = performance.now();
      if (last !== undefined) gaps.push(now - last);
      last = now;
    }
  } while (until());
  return gaps;
}
