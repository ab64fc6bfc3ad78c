// A burst of concurrent writes through the real HTTP API, recording every write the server acknowledged (2xx with
// ids): claims created with their first event, events appended, outgoing numbers allocated, coordination requests
// with their numbered letters (.docx stored with the register number), plans with tasks and task instances.
import { AGENCY, type ApiClient } from "./harness.ts";

export const YEAR = 2026;

export type Acks = {
  /** claim id → number of events the server confirmed. */
  claims: Map<string, number>;
  /** outgoing register id → number allocated. */
  outgoing: Map<string, number>;
  requests: Set<string>;
  /** attachment id → register display ("12/BTNN-NV"). */
  letters: Map<string, string>;
  /** plan id → task ids. */
  plans: Map<string, string[]>;
  instances: Set<string>;
};

export function emptyAcks(): Acks {
  return {
    claims: new Map(),
    outgoing: new Map(),
    requests: new Set(),
    letters: new Map(),
    plans: new Map(),
    instances: new Set(),
  };
}

export function ackCount(a: Acks): number {
  let n = a.outgoing.size + a.requests.size + a.letters.size + a.plans.size + a.instances.size;
  for (const events of a.claims.values()) n += events; // creation (with its first event) + each appended event
  return n;
}

export function describeAcks(a: Acks): string {
  const events = [...a.claims.values()].reduce((s, n) => s + n - 1, 0);
  return `${a.claims.size} vụ việc, ${events} sự kiện thêm, ${a.outgoing.size} số văn bản đi, ${a.requests.size} yêu cầu, ${a.letters.size} công văn, ${a.plans.size} kế hoạch, ${a.instances.size} nhiệm vụ`;
}

type Op = (c: ApiClient, acks: Acks, tag: string) => Promise<void>;

class Refused extends Error {}

function expect2xx(r: { status: number; body: unknown }, what: string): Record<string, unknown> {
  if (r.status < 200 || r.status >= 300) throw new Refused(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

const createClaim: Op = async (c, acks, tag) => {
  const r = await c.post("/api/claims", {
    field: "civil_enforcement",
    handling_agency_id: "thads-thanh-hoa",
    claimant_name: `Người yêu cầu ${tag}`,
    summary: `Vụ việc kiểm thử độ bền ${tag}`,
    events: [{ type: "received", date: `${YEAR}-03-02` }],
  });
  const b = expect2xx(r, "POST /api/claims");
  acks.claims.set(String(b.id), (b.events as unknown[]).length);
};

const busy = new Set<string>();
const appendEvent: Op = async (c, acks, tag) => {
  const id = [...acks.claims.entries()].find(([k, n]) => n === 1 && !busy.has(k))?.[0];
  if (!id) return createClaim(c, acks, tag);
  busy.add(id);
  try {
    const r = await c.post(`/api/claims/${id}/events`, { type: "file_valid", date: `${YEAR}-03-04` });
    const b = expect2xx(r, "POST /api/claims/:id/events");
    acks.claims.set(id, (b.events as unknown[]).length);
  } finally {
    busy.delete(id);
  }
};

const allocate: Op = async (c, acks, tag) => {
  const r = await c.post("/api/outgoing", {
    agency_id: AGENCY,
    year: YEAR,
    doc_kind: "notice",
    subject: `Thông báo ${tag}`,
    symbol: "TB-BTNN",
  });
  const b = expect2xx(r, "POST /api/outgoing");
  acks.outgoing.set(String(b.id), Number(b.number));
};

const requestWithLetter: Op = async (c, acks, tag) => {
  const r = await c.post("/api/requests", {
    kind: "guidance",
    from_agency_id: "thads-thanh-hoa",
    to_agency_id: AGENCY,
    topic: `hướng dẫn nghiệp vụ ${tag}`,
    situation: { topic: "compensation" },
  });
  const b = expect2xx(r, "POST /api/requests");
  const id = String(b.id);
  acks.requests.add(id);
  const l = await c.post(`/api/requests/${id}/letter`, {
    signature: { title: "Cục trưởng", name: "Nguyễn Văn An" },
    unit_code: "NV",
    date: `${YEAR}-03-05`,
  });
  expect2xx(l, "POST /api/requests/:id/letter");
  acks.letters.set(String(l.headers.get("x-attachment-id")), String(l.headers.get("x-document-number")));
};

const planWithTasks: Op = async (c, acks, tag) => {
  const r = await c.post("/api/plans", {
    agency_id: AGENCY,
    title: `Kế hoạch kiểm thử ${tag}`,
    year: YEAR,
    tasks: [
      { ref: "1", content: `Tập huấn nghiệp vụ ${tag}` },
      { ref: "2", content: `Kiểm tra công tác bồi thường ${tag}` },
    ],
  });
  const b = expect2xx(r, "POST /api/plans");
  const taskIds = (b.tasks as Array<{ id: string }>).map((t) => t.id);
  acks.plans.set(String(b.id), taskIds);
  const i = await c.post("/api/task-instances", {
    items: taskIds.map((task_id) => ({ task_id, agency_id: "stp-thanh-hoa", due: `${YEAR}-12-15` })),
  });
  const ib = expect2xx(i, "POST /api/task-instances");
  for (const t of ib.items as Array<{ id: string }>) acks.instances.add(t.id);
};

/** Weighted mix: claims and numbers most often. */
const MIX: Op[] = [
  createClaim,
  appendEvent,
  allocate,
  allocate,
  requestWithLetter,
  planWithTasks,
  createClaim,
  appendEvent,
];

export type BurstResult = {
  /** Requests that were sent but got no answer (connection died with the server). */
  unanswered: number;
  /** Writes the server refused with a 4xx/5xx while it was up (must be zero). */
  refused: string[];
};

/**
 * `workers` loops of writes until `stop()` says so or the server goes away (fetch fails). Refusals are collected,
 * not thrown, so a kill mid-request is told apart from a server error.
 */
export async function burst(
  client: ApiClient,
  acks: Acks,
  opts: { workers: number; stop: () => boolean; prefix: string },
): Promise<BurstResult> {
  const result: BurstResult = { unanswered: 0, refused: [] };
  let seq = 0;
  const worker = async (w: number) => {
    while (!opts.stop()) {
      const op = MIX[(seq + w) % MIX.length];
      const tag = `${opts.prefix}-${w}-${seq++}`;
      try {
        await op(client, acks, tag);
      } catch (e) {
        if (e instanceof Refused) result.refused.push(e.message);
        else {
          result.unanswered++;
          return; // the server is gone
        }
      }
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, (_, w) => worker(w)));
  return result;
}
