// A TCP proxy on loopback for the sync fault tests: forwards bytes between a device and HQ and, for
// the connections the test's plan picks, destroys both sides after a given number of bytes — in the
// request (HQ gets a torn request) or in the response (HQ did the work, the device never hears of
// it). One HTTP request per connection (the sync client uses no keep-alive), so the plan sees each
// request's method, path and size before the first byte is forwarded.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  /** Head and body of the request, in bytes. */
  requestBytes: number;
}

/**
 * Where to cut one connection, as a fraction (0 ≤ f < 1) of the request's bytes (head and body: HQ
 * gets a torn request) or of the response's bytes (head and body: HQ did the work, the device never
 * hears of it).
 */
export interface Cut {
  phase: 'request' | 'response';
  fraction: number;
}

export interface CutRecord extends ProxiedRequest {
  cut: Cut;
  /** The bytes of that direction that had passed when the connection was destroyed. */
  passed: number;
  /** The size of that direction (the request, or the response as its head announced). */
  of: number;
}

export interface CuttingProxy {
  url: string;
  /** Decides per connection; null forwards it whole. Replaceable at any time. */
  plan: (r: ProxiedRequest) => Cut | null;
  connections: number;
  cuts: CutRecord[];
  close(): Promise<void>;
}

const HEAD_END = Buffer.from('\r\n\r\n');

export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const t = new URL(target);
  const sockets = new Set<Socket>();
  const proxy: CuttingProxy = { url: '', plan: () => null, connections: 0, cuts: [], close: async () => {} };

  const server = createServer((client) => {
    proxy.connections++;
    const upstream = connect(Number(t.port), t.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    let req: ProxiedRequest | null = null;
    let cut: Cut | null = null;
    let done = false;

    /** One direction: holds bytes until the message head is complete, then forwards them, cutting where planned. */
    const direction = (from: Socket, to: Socket, onHead: (head: string, bytes: number) => number | null) => {
      let pending = Buffer.alloc(0);
      let cutAt: number | null | undefined; // undefined until the head is seen
      let passed = 0;
      let size = 0;
      from.on('data', (chunk: Buffer) => {
        if (done) return;
        if (cutAt === undefined) {
          pending = Buffer.concat([pending, chunk]);
          const end = pending.indexOf(HEAD_END);
          if (end < 0) return;
          const head = pending.subarray(0, end).toString('latin1');
          const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
          size = end + HEAD_END.length + length;
          cutAt = onHead(head, size);
          chunk = pending;
          pending = Buffer.alloc(0);
        }
        if (cutAt !== null && passed + chunk.length > cutAt) {
          const part = chunk.subarray(0, cutAt - passed);
          passed += part.length;
          done = true;
          proxy.cuts.push({ ...req!, cut: cut!, passed, of: size });
          // What passed before the cut reaches the other side, then both connections go.
          from.destroy();
          if (part.length) to.write(part, () => to.destroy());
          else to.destroy();
          return;
        }
        passed += chunk.length;
        to.write(chunk);
      });
      // Not cut: a closing side is passed on as it came — an orderly end after the last bytes, a reset as a reset.
      from.on('end', () => {
        if (!done) to.end();
      });
      from.on('close', (hadError) => {
        if (!done && hadError) to.destroy();
      });
    };

    direction(client, upstream, (head, bytes) => {
      const [method = '', path = ''] = head.split('\r\n')[0]!.split(' ');
      req = { method, path, requestBytes: bytes };
      cut = proxy.plan(req);
      return cut?.phase === 'request' ? Math.floor(cut.fraction * bytes) : null;
    });
    direction(upstream, client, (_head, bytes) =>
      cut?.phase === 'response' ? Math.floor(cut.fraction * bytes) : null,
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
