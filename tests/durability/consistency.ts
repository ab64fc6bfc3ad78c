// Consistency checks of a database after a crash or a restore. Each check is one SQL query returning the offending
// rows; `findInconsistencies` returns one Vietnamese line per problem (empty = consistent).
import type { Database } from "../../src/db/types.ts";
import type { Acks } from "./workload.ts";

const CHECKS: Array<[string, string]> = [
  [
    "vụ việc không có bản ghi kiểm toán tạo lập (ghi dở)",
    `select c.id from claims c where not exists (
       select 1 from audit_log a where a.entity = 'claim' and a.entity_id = c.id::text
       and a.action in ('claim.create', 'claim.import'))`,
  ],
  [
    "vụ việc đã có ngày nhận hồ sơ nhưng không có sự kiện nào",
    `select c.id from claims c where c.received_on is not null
       and not exists (select 1 from claim_events e where e.claim_id = c.id)`,
  ],
  [
    "sự kiện của vụ việc không liên tiếp (seq có lỗ hổng)",
    "select claim_id from claim_events group by claim_id having max(seq) <> count(*) or min(seq) <> 1",
  ],
  [
    "số sự kiện khác số sự kiện đã ghi nhật ký (tạo lập + claim.event.add)",
    `select c.id from claims c
       join audit_log cr on cr.entity = 'claim' and cr.entity_id = c.id::text and cr.action = 'claim.create'
       where (select count(*) from claim_events e where e.claim_id = c.id) <>
             coalesce(jsonb_array_length(cr.after->'events'), 0)
             + (select count(*) from audit_log a where a.entity = 'claim' and a.entity_id = c.id::text
                and a.action = 'claim.event.add')`,
  ],
  [
    "phiên bản vụ việc không khớp số lần sửa/thêm sự kiện đã ghi nhật ký",
    `select c.id from claims c
       where exists (select 1 from audit_log cr where cr.entity = 'claim' and cr.entity_id = c.id::text
                     and cr.action = 'claim.create')
       and c.version <> 1 + (select count(*) from audit_log a where a.entity = 'claim' and a.entity_id = c.id::text
                             and a.action in ('claim.event.add', 'claim.update'))`,
  ],
  [
    "sổ văn bản đi có số trùng hoặc bị bỏ (số không chạy 1..n)",
    "select agency_id, year from outgoing_register group by agency_id, year having count(*) <> max(number) or min(number) <> 1 or count(distinct number) <> count(*)",
  ],
  [
    "bộ đếm sổ văn bản đi khác số lớn nhất đã cấp (số đã cấp mà không có văn bản)",
    `select c.agency_id, c.year from outgoing_counters c
       left join (select agency_id, year, max(number) as m from outgoing_register group by agency_id, year) r
         on r.agency_id = c.agency_id and r.year = c.year
       where coalesce(r.m, 0) <> c.last_number`,
  ],
  [
    "số văn bản đi có trong sổ mà không có bộ đếm",
    `select distinct r.agency_id, r.year from outgoing_register r
       where not exists (select 1 from outgoing_counters c where c.agency_id = r.agency_id and c.year = r.year)`,
  ],
  [
    "số văn bản đi không có bản ghi kiểm toán cấp số",
    `select r.id from outgoing_register r where not exists (
       select 1 from audit_log a where a.action = 'register.allocate' and a.entity_id = r.id::text)`,
  ],
  [
    "số văn bản đi cấp cho một văn bản (entity) mà không có tệp văn bản",
    `select r.id from outgoing_register r where r.entity is not null
       and not exists (select 1 from attachments a where a.outgoing_id = r.id)`,
  ],
  [
    "văn bản đã phát hành không có bản ghi kiểm toán document.issue",
    `select t.id from attachments t where t.outgoing_id is not null and not exists (
       select 1 from audit_log a where a.action = 'document.issue' and a.after->>'attachment_id' = t.id::text)`,
  ],
  [
    "tệp của yêu cầu mà yêu cầu không còn",
    `select t.id from attachments t where t.entity = 'request'
       and not exists (select 1 from requests q where q.id::text = t.entity_id)`,
  ],
  [
    "yêu cầu không có bản ghi kiểm toán tạo lập",
    `select q.id from requests q where not exists (
       select 1 from audit_log a where a.action = 'request.create' and a.entity_id = q.id::text)`,
  ],
  [
    "nhiệm vụ kế hoạch không có kế hoạch",
    "select t.id from plan_tasks t left join plans p on p.id = t.plan_id where p.id is null",
  ],
  [
    "kế hoạch không có bản ghi kiểm toán tạo lập",
    `select p.id from plans p where not exists (
       select 1 from audit_log a where a.action = 'plan.create' and a.entity_id = p.id::text)`,
  ],
  [
    "nhiệm vụ (task_instance) mà nhiệm vụ kế hoạch không còn",
    `select i.id from task_instances i where i.task_id is not null
       and not exists (select 1 from plan_tasks t where t.id = i.task_id)`,
  ],
  [
    "nhiệm vụ (task_instance) mà yêu cầu sinh ra nó không còn",
    `select i.id from task_instances i where i.request_id is not null
       and not exists (select 1 from requests q where q.id = i.request_id)`,
  ],
  [
    "nhiệm vụ theo kế hoạch không có bản ghi kiểm toán tạo lập",
    `select i.id from task_instances i where i.task_id is not null and not exists (
       select 1 from audit_log a where a.action = 'task_instance.create'
       and (a.entity_id = i.id::text or (a.after->'ids') @> to_jsonb(i.id::text)))`,
  ],
  [
    "đầu chuỗi nhật ký kiểm toán khác bản ghi cuối",
    `select h.seq from audit_head h where h.seq <> coalesce((select max(seq) from audit_log), 0)
       or h.hash <> coalesce((select hash from audit_log order by seq desc limit 1), repeat('0', 64))`,
  ],
];

export async function findInconsistencies(database: Database): Promise<string[]> {
  const problems: string[] = [];
  for (const [label, q] of CHECKS) {
    const rows = await database.query<Record<string, unknown>>(q);
    if (rows.length) problems.push(`${label}: ${JSON.stringify(rows.slice(0, 5))}${rows.length > 5 ? " …" : ""}`);
  }
  return problems;
}

/** Acknowledged writes that are not in the database (or not as acknowledged). */
export async function missingAcknowledged(database: Database, acks: Acks): Promise<string[]> {
  const out: string[] = [];
  const claimIds = [...acks.claims.keys()];
  const events = new Map(
    (
      await database.query<{ id: string; n: number }>(
        "select c.id::text as id, (select count(*)::int from claim_events e where e.claim_id = c.id) as n from claims c where c.id::text = any($1)",
        [claimIds],
      )
    ).map((r) => [r.id, Number(r.n)]),
  );
  for (const [id, n] of acks.claims) {
    const have = events.get(id);
    if (have === undefined) out.push(`vụ việc ${id} đã xác nhận nhưng không còn`);
    else if (have < n) out.push(`vụ việc ${id}: đã xác nhận ${n} sự kiện, còn ${have}`);
  }
  const numbers = new Map(
    (
      await database.query<{ id: string; number: number }>(
        "select id::text as id, number from outgoing_register where id::text = any($1)",
        [[...acks.outgoing.keys()]],
      )
    ).map((r) => [r.id, Number(r.number)]),
  );
  for (const [id, n] of acks.outgoing)
    if (numbers.get(id) !== n)
      out.push(`số văn bản đi ${n} (${id}) đã xác nhận nhưng ${numbers.get(id) ?? "không còn"}`);
  const present = async (table: string, ids: string[]) =>
    new Set(
      (await database.query<{ id: string }>(`select id::text as id from ${table} where id::text = any($1)`, [ids])).map(
        (r) => r.id,
      ),
    );
  const requests = await present("requests", [...acks.requests]);
  for (const id of acks.requests) if (!requests.has(id)) out.push(`yêu cầu ${id} đã xác nhận nhưng không còn`);
  const letters = new Map(
    (
      await database.query<{ id: string; number: number; symbol: string | null }>(
        `select a.id::text as id, r.number, r.symbol from attachments a join outgoing_register r on r.id = a.outgoing_id
         where a.id::text = any($1)`,
        [[...acks.letters.keys()]],
      )
    ).map((r) => [r.id, `${Number(r.number)}/${r.symbol}`]),
  );
  for (const [id, display] of acks.letters) {
    // The document shows the number zero-padded ("05/BTNN-NV"); the register keeps 5 and the symbol.
    const [n, symbol] = display.split("/", 2);
    if (letters.get(id) !== `${Number(n)}/${symbol}`)
      out.push(`công văn số ${display} (${id}) đã xác nhận nhưng ${letters.get(id) ?? "không còn"}`);
  }
  const plans = await present("plans", [...acks.plans.keys()]);
  const tasks = await present("plan_tasks", [...acks.plans.values()].flat());
  for (const [id, taskIds] of acks.plans) {
    if (!plans.has(id)) out.push(`kế hoạch ${id} đã xác nhận nhưng không còn`);
    for (const t of taskIds) if (!tasks.has(t)) out.push(`nhiệm vụ kế hoạch ${t} đã xác nhận nhưng không còn`);
  }
  const instances = await present("task_instances", [...acks.instances]);
  for (const id of acks.instances) if (!instances.has(id)) out.push(`nhiệm vụ ${id} đã xác nhận nhưng không còn`);
  return out;
}
