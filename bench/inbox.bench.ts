// GET /api/inbox (issue 11 acceptance): the agency inbox built from every source (src/db/repositories/inbox), at 10×
// national volume of claims (seedScale through importClaims) plus 10× the requests, copies and routed tasks of a year,
// on PGlite — beside one hand-written UNION ALL query over the same tables in the same run. The agency measured is the
// one with the most open claim deadlines (the heaviest inbox). Env: BENCH_INBOX_SCALE (default 10), BENCH_INBOX_MS.
import { listInbox } from "../src/db/repositories/inbox/list.ts";
import { seedScale } from "../src/db/seed/index.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import type { Scope } from "../src/domain/access/scope.ts";
import { CASE_LIST_RULES } from "../src/domain/case-lists/index.ts";
import type { BenchRow } from "./measure.ts";

const SCALE = Number(process.env.BENCH_INBOX_SCALE ?? 10);
const BUDGET_MS = Number(process.env.BENCH_INBOX_MS ?? 2000);
const TODAY = "2026-06-30";

async function timed(fn: () => Promise<unknown>): Promise<{ n: number; p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 10 || (performance.now() - start < BUDGET_MS && times.length < 300)) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  return { n: times.length, p50: q(0.5), p95: q(0.95) };
}

/**
 * The same open work as the sources (src/db/repositories/inbox/sources.ts), one branch per kind, in one statement (no
 * grouping, no assignment). $1 agency, $2 today, $3 the case-list task references (CASE_LIST_RULES).
 */
const HAND_SQL = `
select 'request' k, r.id::text id, r.due from requests r where r.to_agency_id = $1 and r.status in ('open','in_progress')
union all
select 'request_copy', c.id::text, r.due from request_copies c join requests r on r.id = c.request_id
  where c.to_agency_id = $1 and c.read_at is null
union all
select 'request_task', t.id::text, t.due from task_instances t join requests r on r.id = t.request_id
  where t.agency_id = $1 and t.status in ('pending','in_progress','overdue') and r.status not in ('answered','closed','cancelled')
union all
select case when p.ref = any($3::text[]) then 'case_list' else 'plan_task' end, t.id::text, t.due
  from task_instances t join plan_tasks p on p.id = t.task_id join plans pl on pl.id = p.plan_id
  where (t.agency_id = $1 or t.lead_agency_id = $1 or coalesce(t.coordinator_agency_ids, '[]'::jsonb) ? $1)
    and t.status in ('pending','in_progress','overdue')
union all
select 'report_submission', s.id::text, rr.deadline from report_submissions s join report_rounds rr on rr.id = s.round_id
  where s.agency_id = $1 and rr.status = 'open' and s.status in ('pending','draft','returned')
union all
select 'claim_deadline', d.id::text, d.due from claim_deadlines d join claims c on c.id = d.claim_id
  where c.handling_agency_id = $1 and d.kind = 'deadline' and d.status in ('open','overdue')
union all
select 'urging_step', r.id::text, r.due from requests r
  where r.from_agency_id = $1 and r.kind = 'urging' and r.status in ('open','in_progress') and r.due < $2
union all
select 'inspection_followup', f.id::text, f.due from inspection_followups f join inspections i on i.id = f.inspection_id
  where f.target_agency_id = $1 and f.status = 'open'
union all
select 'public_submission', s.id::text, s.submitted_on from public_submissions s
  where s.agency_id = $1 and s.status in ('received','forwarded')
union all
select 'public_data_request', d.id::text, null from public_data_requests d join public_submissions s on s.id = d.submission_id
  where s.agency_id = $1 and d.status = 'open'
union all
select 'request_sent', r.id::text, r.due from requests r
  where r.from_agency_id = $1 and r.status in ('open','in_progress','forwarded')
    and not (r.kind = 'urging' and r.status in ('open','in_progress') and r.due is not null and r.due < $2)
order by due nulls last`;

const CASE_LIST_REFS = Object.values(CASE_LIST_RULES).map((r) => r.clause.replace("KH 2021 mục ", ""));

export async function run(): Promise<BenchRow[]> {
  const database = await openTestDatabase({ engine: "pglite" });
  try {
    const seeded = await seedScale(database, SCALE, { asOf: TODAY, seed: 42 });
    // 10× a year of coordination: requests between agencies of the same province, half routed with a task and a copy.
    await database.query(
      `with a as (select id, province_code, row_number() over (order by id) rn, count(*) over () n from agencies
                  where province_code is not null),
       pick as (select g, (select id from a where rn = 1 + (g * 7919) % (select max(n) from a)) f,
                          (select id from a where rn = 1 + (g * 104729) % (select max(n) from a)) t
                from generate_series(1, $1::int) g)
       insert into requests (kind, from_agency_id, to_agency_id, topic, status, due, search_text)
       select case when g % 10 = 0 then 'urging' else 'guidance' end, f, t, 'Yêu cầu ' || g,
              (array['open','in_progress','answered','closed','forwarded'])[1 + g % 5],
              ($2::date + ((g % 120) - 60))::date, ''
       from pick where f <> t`,
      [SCALE * 150, TODAY],
    );
    await database.query(
      `insert into task_instances (request_id, agency_id, lead_agency_id, title, due, status)
       select id, to_agency_id, to_agency_id, 'Chủ trì ' || topic, due, 'pending' from requests where status = 'forwarded'`,
    );
    await database.query(
      `insert into request_copies (request_id, from_agency_id, to_agency_id, purpose)
       select id, to_agency_id, from_agency_id, 'copy' from requests where status = 'forwarded'`,
    );
    const [top] = await database.query<{ id: string; n: number }>(
      `select c.handling_agency_id id, count(*)::int n from claim_deadlines d join claims c on c.id = d.claim_id
       where d.kind = 'deadline' and d.status in ('open','overdue') group by 1 order by 2 desc limit 1`,
    );
    // Online submissions (received / forwarded wait in the holder's inbox; the rest are decided): a quarter with the
    // measured agency, the rest spread; every third with an open correction request of the person.
    await database.query(
      `with a as (select id, row_number() over (order by id) rn, count(*) over () n from agencies)
       insert into public_submissions (code, kind, status, agency_id, submitted_on, answers, person_name, person_address,
                                       facts, request, factor_kind, factor_hash, factor_salt, consent_at,
                                       consent_text_version, body_hash)
       select 'BENCH' || g, case when g % 2 = 0 then 'claim' else 'support' end,
              (array['received','forwarded','accepted','answered','refused'])[1 + g % 5],
              case when g % 4 = 0 then $3 else (select id from a where rn = 1 + (g * 7919) % (select max(n) from a)) end,
              ($2::date - (g % 30))::date, '{}', 'Người gửi', 'Địa chỉ', 'Nội dung', '{}', 'id_last4', 'x', 'x', now(),
              '2026-12-04', 'x'
       from generate_series(1, $1::int) g`,
      [SCALE * 30, TODAY, top.id],
    );
    await database.query(
      `insert into public_data_requests (submission_id, kind, field, requested_value, created_on)
       select id, 'correction', 'address', 'Địa chỉ mới', $1::date from public_submissions
       where code like 'BENCH%' and substr(code, 6)::int % 3 = 0`,
      [TODAY],
    );
    const scope: Scope = { userId: null, agencyId: top.id, roles: ["officer"], visibleAgencyIds: [top.id] };
    const args = [top.id, TODAY, CASE_LIST_REFS];
    const sample = await listInbox(database.db, scope, { today: TODAY });
    const hand = await database.query<{ k: string; id: string }>(HAND_SQL, args);
    // Both sides must do the same work: the same (kind, id) items, or the comparison means nothing.
    const key = (k: string, id: string) => `${k}:${id}`;
    const a = new Set(sample.items.map((i) => key(i.kind, i.id)));
    const b = new Set(hand.map((r) => key(r.k, r.id)));
    const differ = [...a].filter((x) => !b.has(x)).concat([...b].filter((x) => !a.has(x)));
    if (differ.length || a.size !== sample.items.length || b.size !== hand.length)
      throw new Error(
        `SQL viết tay và listInbox khác nhau ở ${differ.length} việc, ví dụ ${differ.slice(0, 3).join(", ")}`,
      );
    const kinds = new Set(hand.map((r) => r.k)).size;
    const repo = await timed(() => listInbox(database.db, scope, { today: TODAY }));
    const sql = await timed(() => database.query(HAND_SQL, args));
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return [
      {
        name: `GET /api/inbox (listInbox) — ${SCALE}× PGlite`,
        ops_per_sec: Math.round(1000 / repo.p50),
        p50_ms: r2(repo.p50),
        note: `p95 ${r2(repo.p95)} ms (${repo.n} lần); ${r2(repo.p50 / sql.p50)}× p50 của SQL viết tay; ${sample.items.length} việc của ${top.id}; ${seeded.claims} vụ việc`,
      },
      {
        name: `hộp việc (SQL viết tay, UNION ALL) — ${SCALE}× PGlite`,
        ops_per_sec: Math.round(1000 / sql.p50),
        p50_ms: r2(sql.p50),
        note: `p95 ${r2(sql.p95)} ms (${sql.n} lần); ${hand.length} dòng, ${kinds} loại việc`,
      },
    ];
  } finally {
    await database.close();
  }
}
