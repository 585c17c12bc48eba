import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { AppError } from '@qiao/core';

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

type Fetch = (request: Request) => Response | Promise<Response>;

/** Binds and resolves once listening; bind failures (port taken, bad host) become AppErrors. */
export function listen(fetch: Fetch, host: string, port: number): Promise<Listening> {
  const server = createAdaptorServer({ fetch, hostname: host, port }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
      reject(
        new AppError(
          error.code === 'EADDRINUSE' ? 'conflict' : 'internal',
          `Cannot listen on ${host}:${port}: ${reason}`,
          {
            cause: error,
          },
        ),
      );
    });
    server.listen(port, host, () => {
      resolve({ server, port: (server.address() as AddressInfo).port, close: () => closeServer(server) });
    });
  });
}

/** Open SSE streams and keep-alive sockets would otherwise hold close() open indefinitely. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // give streams in flight a moment to finish before cutting them
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}
