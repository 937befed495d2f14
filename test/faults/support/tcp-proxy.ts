import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on the loopback interface that a test can cut and restore, to
 * take a server (PostgreSQL) out of reach of the service without stopping it.
 * Cut: every open connection is reset and new ones are reset on arrival.
 */
export class TcpProxy {
  private readonly pairs = new Set<[Socket, Socket]>();
  private open = true;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free loopback port and forwards each connection to the target. */
  static start(target: { host: string; port: number }): Promise<TcpProxy> {
    return new Promise((done, fail) => {
      let proxy: TcpProxy;
      const server = createServer((client) => proxy.accept(client, target));
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        proxy = new TcpProxy(server, (server.address() as { port: number }).port);
        done(proxy);
      });
    });
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (!this.open) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** Resets every connection through the proxy, and every new one until restored. */
  cut(): void {
    this.open = false;
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  /** Forwards new connections again. */
  restore(): void {
    this.open = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((done) => this.server.close(() => done()));
  }
}
