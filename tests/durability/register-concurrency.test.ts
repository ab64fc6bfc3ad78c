// Sổ văn bản đi under concurrency, on every engine: many simultaneous allocations never duplicate or skip a number
// within an agency's register for a year — at the repository level (allocateOutgoing), with transactions that fail
// AFTER taking their number, and through the API (numbers and numbered letters whose .docx build fails after the
// allocation). The number is taken in the same transaction as the register row and the document row, so a failure
// gives it back (Nghị định 30/2020, Điều 15: số văn bản đi theo thứ tự liên tục trong năm).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { verifyAuditChain } from "../../src/db/audit.ts";
import { importAgencies } from "../../src/db/repositories/agencies.ts";
import { allocateOutgoing } from "../../src/db/repositories/register.ts";
import { createUser } from "../../src/db/repositories/users.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { type Scope, SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/data.ts";
import { buildApp } from "../../src/http/app.ts";
import { Client } from "../http/helpers.ts";
import { findInconsistencies } from "./consistency.ts";
import { PASSWORD, USERNAME } from "./harness.ts";

const AGENCIES = ["cuc-btnn", "stp-thanh-hoa"] as const;

function officerScope(userId: string): Scope {
  return { userId, agencyId: "cuc-btnn", roles: ["officer"], visibleAgencyIds: "all" };
}

/** numbers per (agency, year), sorted. */
async function registerNumbers(database: Database): Promise<Map<string, number[]>> {
  const rows = await database.query<{ agency_id: string; year: number; number: number }>(
    "select agency_id, year, number from outgoing_register order by agency_id, year, number",
  );
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const k = `${r.agency_id}/${r.year}`;
    out.set(k, [...(out.get(k) ?? []), Number(r.number)]);
  }
  return out;
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

for (const engine of availableEngines()) {
  describe(`Sổ văn bản đi khi cấp số đồng thời (${engine})`, () => {
    let database: Database;
    let app: FastifyInstance;
    let userId: string;
    before(async () => {
      database = await openTestDatabase({ engine });
      await importAgencies(database.db, SYSTEM_SCOPE, AGENCY_ROWS);
      const u = await createUser(database.db, SYSTEM_SCOPE, {
        username: USERNAME,
        full_name: "Cán bộ kiểm thử cấp số",
        password: PASSWORD,
        memberships: [{ agency_id: "cuc-btnn", role: "officer" }],
      });
      userId = u.id;
      app = await buildApp({ database, config: {} });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });

    test("Nghị định 30/2020, Điều 15 — 80 lần cấp số đồng thời cho 2 cơ quan × 2 năm: mỗi sổ đúng 1..n, không trùng, không bỏ số", async () => {
      const scope = officerScope(userId);
      const results = await Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          allocateOutgoing(database.db, scope, {
            agency_id: AGENCIES[i % 2],
            year: 2030 + ((i >> 1) % 2),
            doc_kind: "notice",
            subject: `Thông báo ${i}`,
          }),
        ),
      );
      const got = await registerNumbers(database);
      for (const a of AGENCIES)
        for (const y of [2030, 2031]) assert.deepEqual(got.get(`${a}/${y}`), upTo(20), `${a}/${y}`);
      // Each caller got back exactly the number stored for its row.
      const byId = new Map(
        (
          await database.query<{ id: string; number: number }>("select id::text as id, number from outgoing_register")
        ).map((r) => [r.id, Number(r.number)]),
      );
      for (const r of results) assert.equal(byId.get(r.id), r.number);
    });

    test("Nghị định 30/2020, Điều 15 — giao dịch lỗi SAU khi đã lấy số (xen kẽ với giao dịch thành công) trả lại số: không có lỗ hổng", async () => {
      const scope = officerScope(userId);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          database.db.transaction(async (tx) => {
            const r = await allocateOutgoing(tx, scope, {
              agency_id: "cuc-btnn",
              year: 2032,
              doc_kind: "letter",
              subject: `Công văn ${i}`,
            });
            if (i % 3 === 1) throw new Error(`lỗi sau khi cấp số ${r.number}`);
            return r.number;
          }),
        ),
      );
      const committed = outcomes.filter((o) => o.status === "fulfilled").map((o) => o.value);
      assert.equal(committed.length, 40);
      assert.equal(outcomes.filter((o) => o.status === "rejected").length, 20);
      assert.deepEqual(
        [...committed].sort((a, b) => a - b),
        upTo(40),
      );
      assert.deepEqual((await registerNumbers(database)).get("cuc-btnn/2032"), upTo(40));
      const [counter] = await database.query<{ last_number: number }>(
        "select last_number from outgoing_counters where agency_id = 'cuc-btnn' and year = 2032",
      );
      assert.equal(Number(counter.last_number), 40);
    });

    test("KH 2021 mục II.3.1 — qua API: cấp số và công văn đồng thời, công văn dựng lỗi sau khi lấy số không để lại số trống; mỗi số của công văn có tệp", async () => {
      const client = new Client(app);
      const login = await client.login(USERNAME, PASSWORD);
      assert.equal(login.statusCode, 200, login.body);
      const reqs: string[] = [];
      // One request per call: a request's letter keeps its number when drafted again (issue 13 §12), so distinct
      // numbers need distinct requests.
      for (let i = 0; i < 24; i++) {
        const r = await client.post("/api/requests", {
          kind: "guidance",
          from_agency_id: "thads-thanh-hoa",
          to_agency_id: "cuc-btnn",
          topic: `hướng dẫn xác định cơ quan giải quyết bồi thường ${i}`,
          situation: { topic: "compensation" },
        });
        assert.equal(r.statusCode, 201, r.body);
        reqs.push(r.json().id);
      }
      const signature = { title: "Cục trưởng", name: "Nguyễn Văn An" };
      const calls = Array.from({ length: 24 }, (_, i) => {
        const req = reqs[i];
        if (i % 3 === 0)
          return client.post("/api/outgoing", {
            agency_id: "cuc-btnn",
            year: 2033,
            doc_kind: "notice",
            subject: `Thông báo ${i}`,
          });
        if (i % 3 === 1)
          return client.post(`/api/requests/${req}/letter`, { signature, date: "2033-04-01", unit_code: "NV" });
        // The builder refuses an empty list of addressees — after the number was taken in the same transaction.
        return client.post(`/api/requests/${req}/letter`, {
          signature,
          date: "2033-04-01",
          fields: { addressees: [] },
        });
      });
      const res = await Promise.all(calls);
      const ok = res.filter((r) => r.statusCode === 201);
      const failed = res.filter((r) => r.statusCode !== 201);
      assert.equal(ok.length, 16, res.map((r) => `${r.statusCode} ${r.statusCode === 201 ? "" : r.body}`).join("\n"));
      assert.equal(failed.length, 8);
      for (const f of failed) assert.ok(f.statusCode >= 400 && f.statusCode < 500, `${f.statusCode} ${f.body}`);
      assert.deepEqual((await registerNumbers(database)).get("cuc-btnn/2033"), upTo(16));
      const letterNumbers = ok
        .filter((r) => r.headers["x-document-number"])
        .map((r) => Number(String(r.headers["x-document-number"]).split("/")[0]));
      const noticeNumbers = ok.filter((r) => !r.headers["x-document-number"]).map((r) => r.json().number as number);
      assert.equal(letterNumbers.length, 8);
      assert.deepEqual(
        [...letterNumbers, ...noticeNumbers].sort((a, b) => a - b),
        upTo(16),
      );
      assert.deepEqual(await findInconsistencies(database), []);
      assert.equal((await verifyAuditChain(database.db)).ok, true);
    });
  });
}
