import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Child process that owns the embedded database and serves it over a Unix socket.
 * PGlite runs its WASM on the calling thread; here that thread is not the one streaming chat
 * answers, so a large insert or an index build cannot stall live streams.
 * argv: <data dir of PGlite> <socket path>. Prints one line when ready; exits when the
 * parent closes our stdin (it died or shut down) or on SIGTERM.
 */
const [dataDir, socketPath] = process.argv.slice(2);
if (!dataDir || !socketPath) {
  process.stderr.write('usage: pglite-process <data dir> <socket path>\n');
  process.exit(2);
}

try {
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  // one connection: PGlite is a single session, and multiplexed clients would share transactions
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', () => {});
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.stdout.write('ready\n');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
