import { readFileSync } from 'node:fs';
import { docxBomb } from '../test/fixtures/documents/honest-zip-bomb';
import { readRssMiB } from './read-rss';
import { spawnChild } from './spawn-child';
import { percentile } from './stats';

/**
 * `npx tsx packages/server/bench/parse-bomb-bench.ts [megabytes] [seconds]`: a real server
 * (bench/qiao-process.ts) gets the issue-12 bomb — a .docx whose word/document.xml inflates
 * to `megabytes` (default 199) with honest sizes — as a knowledge-base upload. Until the
 * document is done, the server dies, or `seconds` (default 120) pass, it probes GET /health
 * every 50 ms and samples the server's resident memory; then it prints one line of JSON.
 * QIAO_PARSE_* from the environment reach the server (e.g. lift the caps to make the parser
 * itself meet the bomb).
 */
const megabytes = Number(process.argv[2] ?? 199);
const deadline = performance.now() + Number(process.argv[3] ?? 120) * 1000;

const server = await spawnChild<{ url: string; apiKey: string }>('./qiao-process.ts', {
  ...process.env,
  QIAO_LOG_LEVEL: 'silent',
  QIAO_MAX_UPLOAD_BYTES: String(64 * 1024 * 1024),
});
const pid = server.process.pid!;
const { url, apiKey } = server.info;
const headers = { authorization: `Bearer ${apiKey}` };

const kb = (await (
  await fetch(`${url}/api/knowledge-bases`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bomb' }),
  })
).json()) as { id: string };
const bomb = docxBomb(megabytes);
const form = new FormData();
form.set('file', new File([bomb], 'bomb.docx'));
const baselineMiB = serverRssMiB();
const started = performance.now();
const upload = await fetch(`${url}/api/knowledge-bases/${kb.id}/documents`, {
  method: 'POST',
  headers,
  body: form,
});
const uploaded = (await upload.json()) as { documents?: { id: string }[] };
const documentId = uploaded.documents?.[0]?.id;

let peakServerMiB = baselineMiB;
let peakTreeMiB = readRssMiB(pid);
const sampler = setInterval(() => {
  peakServerMiB = Math.max(peakServerMiB, serverRssMiB() || 0);
  peakTreeMiB = Math.max(peakTreeMiB, readRssMiB(pid) || 0);
}, 100);

const latencies: number[] = [];
let document: { status: string; error: string | null; attempts: number } | undefined;
let finished = false;
let unanswered = 0;
const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
const waitLeft = () => AbortSignal.timeout(Math.ceil(Math.max(1, deadline - performance.now())));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// /health and the document's status are polled apart: a frozen server stalls both
const probing = (async () => {
  while (!finished) {
    const probe = performance.now();
    const ok = await fetch(`${url}/health`, { signal: waitLeft() })
      .then((res) => res.ok)
      .catch(() => false);
    // a probe that failed (the server died under it, or the deadline cut it off) counts with
    // the time it waited: that is what a client of a frozen server sees
    latencies.push(performance.now() - probe);
    if (!ok) {
      unanswered++;
      return;
    }
    await sleep(50);
  }
})();
const polling = (async () => {
  while (!finished && documentId) {
    const res = await fetch(`${url}/api/knowledge-bases/${kb.id}/documents/${documentId}`, {
      headers,
      signal: waitLeft(),
    }).catch(() => undefined);
    if (!res) return void (await Promise.race([exited, sleep(30_000)]));
    document = (await res.json()) as typeof document;
    if (document && ['ready', 'failed'].includes(document.status)) return;
    await sleep(500);
  }
})();
await Promise.race([
  exited,
  polling,
  // a process dying of a full heap takes seconds to exit (its core dump)
  probing.then(() => Promise.race([exited, sleep(30_000)])),
  sleep(Math.max(0, deadline - performance.now())),
]);
finished = true;
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
const died = server.process.exitCode !== null || server.process.signalCode !== null;
const outcome = died ? 'server died' : (document?.status ?? 'still parsing');
await server.stop();

console.log(
  JSON.stringify({
    bombBytes: bomb.byteLength,
    inflatedMB: megabytes,
    uploadStatus: upload.status,
    outcome,
    error: document?.error ?? null,
    attempts: document?.attempts ?? null,
    seconds: Math.round(seconds * 10) / 10,
    serverRssMiB: { before: Math.round(baselineMiB), peak: Math.round(peakServerMiB) },
    serverAndChildrenPeakMiB: Math.round(peakTreeMiB),
    health: {
      probes: latencies.length,
      p50ms: round(percentile(latencies, 50)),
      p99ms: round(percentile(latencies, 99)),
      maxms: round(Math.max(...latencies)),
      unanswered,
    },
  }),
);

/** The server process alone: its parser processes and the database's are not counted. */
function serverRssMiB(): number {
  try {
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
