// Authorization under load-sized data (issue 7 §3): the synthetic claims generator at 10× national volume (seedScale,
// limited to the fixture's agencies so the file stays bounded), plus one object of every kind in Thanh Hóa and in
// Hà Nội. As each Thanh Hóa role: real ids of Hà Nội claims/tasks/requests/meetings/rounds/inspections/assessments
// (IDOR) → 404 or 403 on GET/PATCH/POST, never data; list endpoints with ?agency_id=<Hà Nội> never widen the scope
// (no Hà Nội id anywhere in the answer). One test file per engine (idor-scale-*.test.ts) keeps each file bounded.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inArray } from "drizzle-orm";
import { claims } from "../../src/db/schema/index.ts";
import { seedScale } from "../../src/db/seed/index.ts";
import { availableEngines, type Engine } from "../../src/db/testing.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/data.ts";
import { FIXTURE_AGENCIES } from "../http/helpers.ts";
import {
  assertErrorShape,
  type Client,
  createObjects,
  type HostileFixture,
  hostileFixture,
  type Objects,
  signedIn,
  tableCounts,
  versionSum,
} from "./fixture.ts";

const HA_NOI = ["ubnd-ha-noi", "stp-ha-noi", "thads-ha-noi"];
const ROLES = ["agency_admin", "officer", "viewer"] as const;

export function idorSuite(engine: Engine): void {
  if (!availableEngines().includes(engine)) return;
  describe(`IDOR và phạm vi danh sách trên dữ liệu 10× (${engine})`, () => {
    let fx: HostileFixture;
    let outS: Objects;
    let outClaims: string[] = [];
    const clients = new Map<string, Client>();

    before(async () => {
      fx = await hostileFixture(engine);
      // 10× the national volume for the two provinces' agencies (the whole country at 10× takes minutes to load).
      const provincial = FIXTURE_AGENCIES.filter((a) => a.endsWith("thanh-hoa") || a.endsWith("ha-noi"));
      const rows = AGENCY_ROWS.filter((a) => (provincial as readonly string[]).includes(a.id));
      const r = await seedScale(fx.database, 10, { agencies: rows, asOf: "2026-06-30", seed: 11 });
      assert.ok(r.claims > 50, `seeded ${r.claims}`);
      if (process.env.BTNN_FUZZ_DEBUG) process.stderr.write(`seeded ${r.claims} claims\n`);
      await createObjects(fx.database.db, "in");
      outS = await createObjects(fx.database.db, "out");
      const hn = await fx.database.db
        .select({ id: claims.id })
        .from(claims)
        .where(inArray(claims.handlingAgencyId, HA_NOI))
        .limit(3);
      outClaims = [outS.claim, ...hn.map((c) => c.id)];
      assert.ok(outClaims.length >= 3, "Hà Nội has claims in the synthetic data");
      for (const u of ROLES) clients.set(u, await signedIn(fx.app, u));
    });
    after(() => fx.close());

    const outIds = () => [
      ...outClaims,
      outS.plan,
      outS.task,
      outS.instance,
      outS.request,
      outS.meeting,
      outS.round,
      outS.inspection,
      outS.followup,
      outS.assessment,
      outS.training,
    ];

    test("đối tượng của tỉnh khác theo mã thật: GET/PATCH/POST/PUT → 404/403, không lộ dữ liệu, không ghi gì", async () => {
      const calls: Array<[string, string, unknown?]> = [];
      for (const id of outClaims) {
        calls.push(
          ["GET", `/api/claims/${id}`],
          ["GET", `/api/claims/${id}/events`],
          ["GET", `/api/claims/${id}/deadlines`],
        );
        calls.push(["PATCH", `/api/claims/${id}`, { summary: "IDOR", version: 1 }]);
        calls.push(["POST", `/api/claims/${id}/events`, { type: "file_valid", date: "2024-03-04" }]);
      }
      const o = outS;
      calls.push(
        ["GET", `/api/plans/${o.plan}`],
        ["PATCH", `/api/plans/${o.plan}`, { title: "IDOR", version: 1 }],
        ["GET", `/api/task-instances/${o.instance}`],
        ["PATCH", `/api/task-instances/${o.instance}`, { status: "in_progress", version: 1 }],
        ["POST", `/api/task-instances/${o.instance}/comments`, { body: "IDOR" }],
        ["POST", "/api/task-instances", { items: [{ task_id: o.task, agency_id: "thads-thanh-hoa" }] }],
        ["GET", `/api/requests/${o.request}`],
        ["PATCH", `/api/requests/${o.request}`, { status: "in_progress", version: 1 }],
        ["GET", `/api/requests/${o.request}/coordination`],
        ["GET", `/api/meetings/${o.meeting}`],
        ["GET", `/api/report-rounds/${o.round}`],
        ["GET", `/api/report-rounds/${o.round}/submissions/${o.thads}`],
        ["PUT", `/api/report-rounds/${o.round}/submissions/${o.thads}`, {}],
        ["POST", `/api/report-rounds/${o.round}/consolidate`, {}],
        ["GET", `/api/inspections/${o.inspection}`],
        ["PATCH", `/api/inspections/${o.inspection}`, { title: "IDOR IDOR", version: 1 }],
        ["PATCH", `/api/inspection-followups/${o.followup}`, { status: "done", version: 1 }],
        ["GET", `/api/evaluation/assessments/${o.assessment}`],
        ["GET", `/api/trainings/${o.training}`],
        ["GET", `/api/progress?plan_id=${o.plan}`],
      );
      for (const role of ROLES) {
        const c = clients.get(role)!;
        for (const [method, url, payload] of calls) {
          const before = await tableCounts(fx.database);
          const versions = await versionSum(fx.database);
          const r = await c.request({ method: method as "GET", url, payload: payload as object });
          const where = `${role} ${method} ${url} → ${r.statusCode} ${r.body.slice(0, 200)}`;
          if (url.startsWith("/api/progress")) {
            // A filter, not an object: allowed, but nothing of the other plan may come back.
            assert.ok(r.statusCode === 200 || r.statusCode === 404 || r.statusCode === 403, where);
          } else {
            assert.ok(r.statusCode === 404 || r.statusCode === 403, where);
            assertErrorShape(r.json(), where);
          }
          for (const id of outIds()) if (!url.includes(id)) assert.ok(!r.body.includes(id), `${where}: leaks ${id}`);
          assert.ok(!r.body.includes("Nguyễn Văn Thử") || r.statusCode >= 400, `${where}: claimant name`);
          assert.deepEqual(await tableCounts(fx.database), before, where);
          assert.equal(await versionSum(fx.database), versions, where);
        }
      }
    });

    test("danh sách với bộ lọc cơ quan của tỉnh khác không mở rộng phạm vi (không có mã nào của Hà Nội)", async () => {
      const lists = [
        "/api/claims?page_size=100",
        "/api/claims?agency_id=thads-ha-noi&page_size=100",
        "/api/claims?handling_agency_id=thads-ha-noi&page_size=100",
        "/api/claims?agency_id=stp-ha-noi&open=true",
        "/api/plans?agency_id=stp-ha-noi",
        "/api/task-instances?agency_id=thads-ha-noi",
        "/api/requests?agency_id=stp-ha-noi",
        "/api/meetings?agency_id=stp-ha-noi",
        "/api/report-rounds",
        "/api/inspections",
        "/api/trainings?agency_id=stp-ha-noi",
        "/api/progress?agency_id=thads-ha-noi",
        "/api/deadlines?from=2019-01-01&to=2026-12-31&agency_id=thads-ha-noi",
        "/api/dashboard?agency_id=thads-ha-noi",
        "/api/statistics?agency_id=thads-ha-noi",
        "/api/statistics/claims?agency_id=thads-ha-noi",
        "/api/case-lists?agency_id=stp-ha-noi",
        "/api/outgoing?agency_id=stp-ha-noi",
      ];
      for (const role of ROLES) {
        const c = clients.get(role)!;
        for (const url of lists) {
          const r = await c.get(url);
          const where = `${role} GET ${url} → ${r.statusCode} ${r.body.slice(0, 200)}`;
          assert.ok(r.statusCode < 500, where);
          if (r.statusCode >= 400) assertErrorShape(r.json(), where);
          for (const id of outIds()) assert.ok(!r.body.includes(id), `${where}: leaks ${id}`);
        }
      }
    });

    test("xuất Excel với bộ lọc tỉnh khác → không 5xx và không chứa mã của Hà Nội", async () => {
      const c = clients.get("officer")!;
      for (const url of [
        "/api/exports/claims?agency_id=thads-ha-noi",
        "/api/exports/requests?agency_id=stp-ha-noi",
        "/api/exports/task-instances?agency_id=thads-ha-noi",
      ]) {
        const r = await c.get(url);
        assert.ok(r.statusCode < 500, `${url}: ${r.statusCode}`);
        const text = r.rawPayload.toString("latin1");
        for (const id of outIds()) assert.ok(!text.includes(id), `${url}: leaks ${id}`);
      }
    });
  });
}
