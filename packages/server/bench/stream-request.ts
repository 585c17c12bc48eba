import { Agent, request } from 'node:http';

export interface StreamTarget {
  /** base URL ending in /v1 */
  baseUrl: string;
  apiKey: string;
  agent: Agent;
}

export interface StreamResult {
  ok: boolean;
  /** ms from sending the request to the first chunk with content */
  ttftMs: number;
  totalMs: number;
  /** content chunks received */
  tokens: number;
}

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, maxFreeSockets: 512 });
}

// A content delta with at least one character; fixture tokens never contain quotes.
const contentPattern = /"content":"[^"]/g;

/**
 * One streamed chat completion over plain node:http (less client overhead than fetch, so the
 * client disturbs the servers it measures as little as possible on a 2-core machine).
 */
export function streamCompletion(
  target: StreamTarget,
  model: string,
  content = 'Hello there',
): Promise<StreamResult> {
  const body = JSON.stringify({ model, stream: true, messages: [{ role: 'user', content }] });
  const url = new URL(`${target.baseUrl}/chat/completions`);
  const started = performance.now();
  return new Promise((resolve) => {
    let ttftMs = -1;
    let tokens = 0;
    let tail = '';
    const fail = () => resolve({ ok: false, ttftMs, totalMs: performance.now() - started, tokens });
    const req = request(
      url,
      {
        method: 'POST',
        agent: target.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${target.apiKey}`,
        },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          // 11 characters carried over: a 12-character match split between chunks is still
          // seen, and no whole match fits in them to be counted twice
          const text = tail + chunk;
          const found = text.match(contentPattern)?.length ?? 0;
          if (found > 0) {
            if (ttftMs < 0) ttftMs = performance.now() - started;
            tokens += found;
          }
          tail = text.slice(-11);
        });
        res.on('end', () => {
          const ok = res.statusCode === 200 && ttftMs >= 0;
          resolve({ ok, ttftMs, totalMs: performance.now() - started, tokens });
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}
