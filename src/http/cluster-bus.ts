// Several app servers on one PostgreSQL: a LISTEN/NOTIFY channel tells every other server, before the writing
// server's response leaves, that data changed (drop cached read responses) or that identities changed (drop cached
// sessions: logout, password change, deactivation, membership change).
//
// Identity changes wait for an acknowledgement from every other server listening on the channel (counted in
// pg_stat_activity by application name), bounded by ACK_TIMEOUT_MS: so a logout on one server is refused by the
// others as soon as its response arrives. Data changes do not wait (a stale cached read for a few milliseconds is
// harmless; the commit-watermark poll in plugins/response-cache.ts stays as the net for writers without a bus, such
// as the CLI). PGlite is one process (it locks its data folder), so the bus exists on PostgreSQL only.
import { randomUUID } from "node:crypto";

export const BUS_CHANNEL = "btnn_bus";
/** Application name prefix of every server's LISTEN connection (`btnn-bus:<server id>`), counted in pg_stat_activity. */
export const BUS_APPLICATION_NAME = "btnn-bus";
const applicationName = (serverId: string) => `${BUS_APPLICATION_NAME}:${serverId}`;
export const ACK_TIMEOUT_MS = 2_000;

type Message = { s: string; k: "d" | "i" | "a"; n: number; a?: number };

export type ClusterBus = {
  readonly serverId: string;
  /** Data changed here: other servers drop cached read responses (does not wait). */
  dataChanged(): Promise<void>;
  /** Sessions/identities changed here: other servers drop cached sessions; resolves when all acknowledged. */
  identitiesChanged(): Promise<{ peers: number; acked: number }>;
  /** Is the server with this bus id still running (its LISTEN connection open)? A killed server's is gone at once. */
  alive(serverId: string): Promise<boolean>;
  close(): Promise<void>;
};

export async function startClusterBus(
  url: string,
  handlers: { onData(): void; onIdentities(): void; log?: (msg: string) => void },
): Promise<ClusterBus> {
  const serverId = randomUUID();
  const { default: pg } = await import("pg"); // PostgreSQL only: not loaded by a server on PGlite
  const client = new pg.Client({ connectionString: url, application_name: applicationName(serverId) });
  const log = handlers.log ?? (() => {});
  let seq = 0;
  let closed = false;
  // Acknowledgements per identity message number: the set of servers that answered.
  const waiting = new Map<number, { acked: Set<string>; peers: number; done: () => void }>();

  const send = async (m: Message) => {
    if (closed) return;
    await client.query("select pg_notify($1, $2)", [BUS_CHANNEL, JSON.stringify(m)]);
  };

  client.on("notification", (n) => {
    if (n.channel !== BUS_CHANNEL || !n.payload) return;
    let m: Message;
    try {
      m = JSON.parse(n.payload) as Message;
    } catch {
      return;
    }
    if (m.s === serverId) return;
    if (m.k === "d") handlers.onData();
    else if (m.k === "i") {
      handlers.onIdentities();
      handlers.onData();
      void send({ s: serverId, k: "a", n: ++seq, a: m.n }).catch(() => {});
    } else if (m.k === "a" && m.a !== undefined) {
      const w = waiting.get(m.a);
      if (w) {
        w.acked.add(m.s);
        if (w.acked.size >= w.peers) w.done();
      }
    }
  });
  // A lost bus connection: other servers' writes are no longer announced. Fail closed (drop every cache) and let the
  // commit-watermark poll carry on; the process keeps serving.
  client.on("error", (e) => {
    log(`Mất kết nối kênh thông báo giữa các máy chủ (${e.message}); dùng cơ chế dự phòng dò thay đổi.`);
    handlers.onIdentities();
    handlers.onData();
  });

  await client.connect();
  await client.query(`listen ${BUS_CHANNEL}`);

  return {
    serverId,
    async dataChanged() {
      await send({ s: serverId, k: "d", n: ++seq });
    },
    async identitiesChanged() {
      const [row] = (
        await client.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where application_name like $1 and datname = current_database() and pid <> pg_backend_pid()`,
          [`${BUS_APPLICATION_NAME}:%`],
        )
      ).rows;
      const peers = row?.n ?? 0;
      const n = ++seq;
      if (peers === 0) {
        await send({ s: serverId, k: "i", n });
        return { peers: 0, acked: 0 };
      }
      const acked = new Set<string>();
      const settled = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          log(`Chỉ ${acked.size}/${peers} máy chủ xác nhận thay đổi phiên đăng nhập trong ${ACK_TIMEOUT_MS} ms.`);
          resolve();
        }, ACK_TIMEOUT_MS);
        waiting.set(n, {
          acked,
          peers,
          done: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
      try {
        await send({ s: serverId, k: "i", n });
        await settled;
      } finally {
        waiting.delete(n);
      }
      return { peers, acked: acked.size };
    },
    async alive(id) {
      if (id === serverId) return !closed;
      const r = await client.query("select 1 from pg_stat_activity where application_name = $1 limit 1", [
        applicationName(id),
      ]);
      return r.rows.length > 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiting.values()) w.done();
      await client.end().catch(() => {});
    },
  };
}
