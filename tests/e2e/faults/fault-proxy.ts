import net from 'node:net';

/**
 * A TCP proxy in the test process between the app and one of its services (S3 or PostgreSQL), so a
 * test can make the service fail the way it fails in production without touching the service:
 * `stop()` cuts every open connection and refuses new ones (a crash, or the network gone),
 * `stall()` accepts connections and forwards nothing (a store that hangs), `restore()` heals both.
 */
export class FaultProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly upstreams = new Set<net.Socket>();
  private mode: 'up' | 'stopped' | 'stalled' = 'up';
  /** Connections accepted so far: proves the app really went through the proxy. */
  connections = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.accept(client));
  }

  static async start(target: { host: string; port: number }): Promise<FaultProxy> {
    const proxy = new FaultProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  private accept(client: net.Socket) {
    this.connections++;
    // A stopped service refuses: the connection is reset at once, as a closed port answers.
    if (this.mode === 'stopped') return void client.resetAndDestroy();
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (this.mode === 'stalled') return; // accepted, never answered
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(upstream);
    this.upstreams.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      this.upstreams.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private cutAll() {
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  /** Cuts every connection and refuses new ones; with `{ cut: false }` open connections stay up. */
  stop({ cut = true } = {}) {
    this.mode = 'stopped';
    if (cut) this.cutAll();
  }

  /** The local ports of the proxy's connections to the service: how the service itself sees them. */
  upstreamPorts(): number[] {
    return [...this.upstreams].map((socket) => socket.localPort).filter((port): port is number => Boolean(port));
  }

  stall() {
    this.mode = 'stalled';
    this.cutAll();
  }

  restore() {
    // Stalled connections stay silent until the client's own timeout ends them, as they would in production.
    this.mode = 'up';
  }

  async close() {
    this.cutAll();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
