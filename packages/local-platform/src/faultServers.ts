import {
  createServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';

/** A loopback server on a free port; `close` also drops open connections. */
export type LoopbackServer = {
  port: number;
  /** Connections open now. */
  connections(): number;
  close(): Promise<void>;
};

/** Listens with `server` on a free loopback port. */
export async function serveOnLoopback(server: Server): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>(resolve => {
        sockets.forEach(socket => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

/** For fault tests: a server that accepts connections and never says a word. */
export function hangingServer(): Promise<LoopbackServer> {
  return serveOnLoopback(createServer(() => {}));
}

/** For fault tests: a loopback port nothing listens on any more. */
export async function closedPort(): Promise<number> {
  const server = await serveOnLoopback(createServer());
  await server.close();
  return server.port;
}
