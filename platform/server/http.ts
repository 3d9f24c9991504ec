import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

/** A listening HTTP server and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** An HTTP server whose keep-alive outlives the gateway client's, so the client always closes idle sockets first. */
export function createHttpServer(handler?: RequestListener): Server {
  const server = createServer(handler);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

/**
 * Binds `server` to `host:port` (port 0 picks a free port). `close` runs `beforeClose` (Apollo's drain), stops
 * accepting, ends idle keep-alive sockets and waits for in-flight requests.
 */
export async function listen(server: Server, port: number, host: string, path: string, beforeClose?: () => Promise<void>): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${bound}${path}`,
    port: bound,
    server,
    close: () => {
      closing ??= (async () => {
        if (beforeClose) await beforeClose();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
      })();
      return closing;
    },
  };
}
