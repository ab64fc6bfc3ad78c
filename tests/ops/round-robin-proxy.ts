// A small round-robin load balancer on loopback (node:http), doing what the deployment of docs/operations.md §7 asks
// of nginx/HAProxy: poll GET /api/health on every server (200 → in the rotation; 503 "draining" or no answer → out),
// send each request to the next server in the rotation, and retry on another server a request that got no response
// (connection refused or reset: a killed server) or a 503 from a server shutting down — but only when repeating it
// is safe: GET/HEAD, or a write carrying an Idempotency-Key (the server replays the first response).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Backend = { base: string; state: "up" | "draining" | "down" };
export type ProxyStats = { requests: number; retries: number; failedAttempts: number; byBackend: Map<string, number> };

export type RoundRobinProxy = {
  url: string;
  backends: Backend[];
  stats: ProxyStats;
  add(base: string): void;
  close(): Promise<void>;
};

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "host", "content-length"]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startRoundRobinProxy(
  bases: string[],
  opts: { healthMs?: number } = {},
): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const backends: Backend[] = bases.map((base) => ({ base, state: "down" }));
  const stats: ProxyStats = { requests: 0, retries: 0, failedAttempts: 0, byBackend: new Map() };
  let next = 0;
  let closed = false;

  const check = (b: Backend) =>
    new Promise<void>((resolve) => {
      const req = http.get(`${b.base}/api/health`, { timeout: 1000 }, (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => {
          b.state = res.statusCode === 200 ? "up" : /"draining"/.test(body) ? "draining" : "down";
          resolve();
        });
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        b.state = "down";
        resolve();
      });
    });
  const poll = async () => {
    while (!closed) {
      await Promise.all(backends.map(check));
      await sleep(opts.healthMs ?? 100);
    }
  };
  await Promise.all(backends.map(check));
  const polling = poll();

  function pick(exclude: Set<Backend>): Backend | undefined {
    for (let i = 0; i < backends.length; i++) {
      const b = backends[(next + i) % backends.length];
      if (b.state === "up" && !exclude.has(b)) {
        next = (next + i + 1) % backends.length;
        return b;
      }
    }
    return undefined;
  }

  type Attempt = { status: number; headers: http.IncomingHttpHeaders; body: Buffer } | { error: Error };
  const forward = (b: Backend, req: http.IncomingMessage, body: Buffer) =>
    new Promise<Attempt>((resolve) => {
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
      headers["content-length"] = String(body.length);
      const out = http.request(`${b.base}${req.url}`, { method: req.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", (error) => resolve({ error }));
      });
      out.on("error", (error) => resolve({ error }));
      out.end(body);
    });

  const server = http.createServer(async (req, res) => {
    stats.requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const retryable = req.method === "GET" || req.method === "HEAD" || !!req.headers["idempotency-key"];
    const tried = new Set<Backend>();
    let first: string | undefined;
    for (let attempt = 0; ; attempt++) {
      let b = pick(tried);
      // Every server tried (or none up yet): wait for the health poll to bring one back, within a bound.
      for (let waited = 0; !b && waited < 5000; waited += 50) {
        await sleep(50);
        tried.clear();
        b = pick(tried);
      }
      if (!b) {
        res.writeHead(502, { "content-type": "application/json" }).end('{"error":"no backend","code":"proxy"}');
        return;
      }
      tried.add(b);
      first ??= b.base;
      const r = await forward(b, req, body);
      const failed = "error" in r || r.status === 503;
      if (failed) {
        stats.failedAttempts++;
        if ("error" in r) b.state = "down";
        if (retryable && attempt < 10) {
          stats.retries++;
          continue;
        }
      }
      if ("error" in r) {
        res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: r.error.message, code: "proxy" }));
        return;
      }
      stats.byBackend.set(b.base, (stats.byBackend.get(b.base) ?? 0) + 1);
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(r.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
      headers["x-backend"] = b.base;
      headers["x-proxy-attempts"] = String(attempt + 1);
      headers["x-proxy-first"] = first ?? b.base;
      res.writeHead(r.status, headers).end(r.body);
      return;
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    backends,
    stats,
    add(base) {
      backends.push({ base, state: "down" });
    },
    async close() {
      closed = true;
      await polling;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      agent.destroy();
    },
  };
}
