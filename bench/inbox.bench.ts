// GET /api/inbox (issue 11 acceptance): the agency inbox built from every source (src/db/repositories/inbox), at 10×
// national volume of claims (seedScale through importClaims) plus 10× the requests, copies and routed tasks of a year,
// on PGlite — beside one hand-written UNION ALL query over the same tables in the same run. The agency measured is the
// one with the most open claim deadlines (the heaviest inbox). Env: BENCH_INBOX_SCALE (default 10), BENCH_INBOX_MS.
import { listInbox } from "../src/db/repositories/inbox/list.ts";
import { seedScale } from "../src/db/seed/index.ts";
import { openTestDatabase } from "../src/db/testing.ts";
import type { Scope } from "../src/domain/access/scope.ts";
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

/** The same open work as the sources, in one statement (no grouping, no assignment). */
const HAND_SQL = `
select 'request' k, r.id::text id, r.due from requests r where r.to_agency_id = $1 and r.status in ('open','in_progress')
union all
select 'request_copy', c.id::text, r.due from request_copies c join requests r on r.id = c.request_id
  where c.to_agency_id = $1 and c.read_at is null
union all
select 'request_task', t.id::text, t.due from task_instances t join requests r on r.id = t.request_id
  where t.agency_id = $1 and t.status in ('pending','in_progress','overdue') and r.status not in ('answered','closed','cancelled')
union all
select 'plan_task', t.id::text, t.due from task_instances t join plan_tasks p on p.id = t.task_id
  where (t.agency_id = $1 or coalesce(t.coordinator_agency_ids, '[]'::jsonb) ? $1) and t.status in ('pending','in_progress','overdue')
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
select 'inspection_followup', f.id::text, f.due from inspection_followups f where f.target_agency_id = $1 and f.status = 'open'
union all
select 'request_sent', r.id::text, r.due from requests r
  where r.from_agency_id = $1 and r.status in ('open','in_progress','forwarded')
order by due nulls last`;

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
    const scope: Scope = { userId: null, agencyId: top.id, roles: ["officer"], visibleAgencyIds: [top.id] };
    const sample = await listInbox(database.db, scope, { today: TODAY });
    const hand = await database.query(HAND_SQL, [top.id, TODAY]);
    const repo = await timed(() => listInbox(database.db, scope, { today: TODAY }));
    const sql = await timed(() => database.query(HAND_SQL, [top.id, TODAY]));
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
        note: `p95 ${r2(sql.p95)} ms (${sql.n} lần); ${(hand as unknown[]).length} dòng`,
      },
    ];
  } finally {
    await database.close();
  }
}
