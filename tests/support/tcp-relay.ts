import { connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay between a client and a real server (Redis, the store), cut to make an outage as the
 * client sees one, a dropped connection and a refused reconnect, and opened again to end it.
 */
export class TcpRelay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  constructor(private readonly target: { hostname: string; port: number }, private listenPort = 0) {}

  get port(): number {
    return this.listenPort;
  }

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => (s === client ? upstream : client).destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.listenPort, '127.0.0.1', resolve));
    this.listenPort = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Host and port of a server URL (`redis://…`, `mongodb://…`), with the scheme's default port. */
export function targetOf(url: URL, defaultPort: number): { hostname: string; port: number } {
  return { hostname: url.hostname, port: Number(url.port || defaultPort) };
}
