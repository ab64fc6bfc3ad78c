// GET /api/rankings/provinces — ranking per province (issue 6 §6) over a KNOWN claim set, figures computed by hand:
//   TH-1 THADS Thanh Hóa: accepted 01/02/2024, decision 100 tr. effective 01/06/2024, paid 100 tr. 01/07/2024
//   TH-2 THADS Thanh Hóa: accepted 01/03/2024, still open
//   HN-1 THADS Hà Nội:    accepted 01/04/2024, still open
//   TW-1 Cục QL THADS (central): accepted 01/05/2024, still open
//   OLD  THADS Thanh Hóa: accepted and resolved in 2022 (outside 2024 — counts nowhere)
// Year 2024: Thanh Hóa handled 2 / resolved 1 / in progress 1 / to pay 100 tr. / paid 100 tr.; Hà Nội 1/0/1;
// central 1/0/1. A province user (Sở Tư pháp Thanh Hóa) sees only Thanh Hóa (scope: Thông tư 08/2019/TT-BTP Điều 4
// khoản 2 — the province reach of a Sở Tư pháp).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { saveSelfAssessment } from "../../src/db/repositories/evaluation.ts";
import { competitionRank } from "../../src/db/repositories/rankings.ts";
import { claimEvents, claims } from "../../src/db/schema/index.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { type Fixture, setupFixture, signedIn } from "./helpers.ts";

const M = 1_000_000;
type Ev = { type: string; date: string; data?: Record<string, unknown> };
type Item = {
  province_id: string;
  province_name: string;
  rank: number;
  figures: Record<string, number>;
  evaluation: null | { agency_id: string; total: number; status: string };
};

describe("Xếp hạng theo tỉnh — /api/rankings/provinces (TT 08/2019 Mẫu 03/04; QĐ 3062/QĐ-BTP)", () => {
  let fx: Fixture;
  let selfTotal = 0;

  before(async () => {
    fx = await setupFixture();
    const db = fx.database.db;
    const add = async (code: string, agency: string, field: string, events: Ev[], amounts = {}) => {
      const [c] = await db
        .insert(claims)
        .values({
          code,
          field,
          handlingAgencyId: agency,
          managingAgencyId: agency,
          claimantName: `Người yêu cầu ${code}`,
          state: "accepted",
          ...amounts,
        })
        .returning({ id: claims.id });
      await db
        .insert(claimEvents)
        .values(
          events.map((e, i) => ({ claimId: c.id, seq: i + 1, type: e.type, date: e.date, data: e.data ?? null })),
        );
    };
    await add(
      "TH-1",
      "thads-thanh-hoa",
      "civil_enforcement",
      [
        { type: "accepted", date: "2024-02-01" },
        { type: "decision_issued", date: "2024-05-01", data: { amount: 100 * M } },
        { type: "decision_effective", date: "2024-06-01" },
        { type: "paid", date: "2024-07-01", data: { amount: 100 * M } },
      ],
      { amountDecided: 100 * M, amountPaid: 100 * M },
    );
    await add("TH-2", "thads-thanh-hoa", "civil_enforcement", [{ type: "accepted", date: "2024-03-01" }]);
    await add("HN-1", "thads-ha-noi", "civil_enforcement", [{ type: "accepted", date: "2024-04-01" }]);
    await add("TW-1", "cuc-ql-thads", "civil_enforcement", [{ type: "accepted", date: "2024-05-01" }]);
    await add("OLD", "thads-thanh-hoa", "civil_enforcement", [
      { type: "accepted", date: "2022-02-01" },
      { type: "decision_issued", date: "2022-03-01", data: { amount: 5 * M } },
      { type: "decision_effective", date: "2022-04-01" },
      { type: "paid", date: "2022-05-01", data: { amount: 5 * M } },
    ]);
    const a = await saveSelfAssessment(
      db,
      SYSTEM_SCOPE,
      { set_id: "qd-3062-2019", year: 2024, agency_id: "stp-thanh-hoa", submit: true },
      { today: "2024-12-15" },
    );
    selfTotal = Number(a.self_total);
  });
  after(async () => {
    await fx?.close();
  });

  const get = async (username: string, query: string) => {
    const c = await signedIn(fx.app, username);
    const r = await c.get(`/api/rankings/provinces?${query}`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as { period: { from: string; to: string }; items: Item[] };
  };

  test("Cấp trung ương thấy mọi tỉnh: số liệu năm 2024 tính từ vụ việc, xếp hạng theo số vụ việc thụ lý", async () => {
    const body = await get("sysadmin", "kind=year&year=2024&sort=handled");
    assert.deepEqual(body.period, { ...body.period, from: "2024-01-01", to: "2024-12-31" });
    const byId = Object.fromEntries(body.items.map((i) => [i.province_id, i]));
    assert.deepEqual(Object.keys(byId).sort(), ["central", "ubnd-ha-noi", "ubnd-thanh-hoa"]);
    assert.deepEqual(byId["ubnd-thanh-hoa"].figures, {
      handled: 2,
      resolved: 1,
      in_progress: 1,
      amount_to_pay: 100 * M,
      amount_paid: 100 * M,
    });
    assert.deepEqual(byId["ubnd-ha-noi"].figures, {
      handled: 1,
      resolved: 0,
      in_progress: 1,
      amount_to_pay: 0,
      amount_paid: 0,
    });
    assert.equal(byId.central.figures.handled, 1);
    // Ranks: Thanh Hóa 2 → 1st; Hà Nội and central tie with 1 → both 2nd.
    assert.deepEqual(body.items.map((i) => [i.province_id, i.rank]).sort(), [
      ["central", 2],
      ["ubnd-ha-noi", 2],
      ["ubnd-thanh-hoa", 1],
    ]);
    assert.equal(body.items[0].province_id, "ubnd-thanh-hoa");
    assert.match(byId["ubnd-thanh-hoa"].province_name, /Thanh Hóa/);
    // The Sở Tư pháp's QĐ 3062 self-assessment sits on its province row; Hà Nội has none.
    assert.equal(byId["ubnd-thanh-hoa"].evaluation?.agency_id, "stp-thanh-hoa");
    assert.equal(byId["ubnd-thanh-hoa"].evaluation?.total, selfTotal);
    assert.equal(byId["ubnd-thanh-hoa"].evaluation?.status, "self_submitted");
    assert.equal(byId["ubnd-ha-noi"].evaluation, null);
  });

  test("Năm 2022: chỉ vụ việc cũ của Thanh Hóa (không cộng dồn sang năm khác)", async () => {
    const body = await get("sysadmin", "kind=year&year=2022&sort=amount_paid");
    assert.deepEqual(
      body.items.map((i) => [i.province_id, i.figures.handled, i.figures.amount_paid, i.rank]),
      [["ubnd-thanh-hoa", 1, 5 * M, 1]],
    );
  });

  test("Sắp xếp theo điểm đánh giá: tỉnh có bản tự đánh giá đứng đầu", async () => {
    const body = await get("sysadmin", "kind=year&year=2024&sort=score");
    assert.equal(body.items[0].province_id, "ubnd-thanh-hoa");
    assert.equal(body.items[0].rank, 1);
    assert.ok(body.items.slice(1).every((i) => i.rank === 2));
  });

  test("Sở Tư pháp Thanh Hóa (phạm vi tỉnh — TT 08/2019/TT-BTP Điều 4 khoản 2) chỉ thấy tỉnh mình", async () => {
    for (const user of ["officer", "viewer"]) {
      const body = await get(user, "kind=year&year=2024");
      assert.deepEqual(
        body.items.map((i) => [i.province_id, i.figures.handled, i.rank]),
        [["ubnd-thanh-hoa", 2, 1]],
        user,
      );
    }
    const hn = await get("officer_hn", "kind=year&year=2024");
    assert.deepEqual(
      hn.items.map((i) => [i.province_id, i.figures.handled, i.evaluation]),
      [["ubnd-ha-noi", 1, null]],
    );
  });

  test("Tham số sai → 400 với thông báo; bộ tiêu chí không có → lỗi, không trả số liệu", async () => {
    const c = await signedIn(fx.app, "sysadmin");
    assert.equal((await c.get("/api/rankings/provinces?sort=nope")).statusCode, 400);
    assert.equal((await c.get("/api/rankings/provinces?year=1800")).statusCode, 400);
    const r = await c.get("/api/rankings/provinces?year=2024&set_id=khong-co");
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, r.body);
    const anon = await fx.app.inject({ method: "GET", url: "/api/rankings/provinces" });
    assert.equal(anon.statusCode, 401);
  });

  test("Xếp hạng đồng hạng (1, 1, 3)", () => {
    const r = competitionRank([{ v: 5 }, { v: 7 }, { v: 7 }, { v: 1 }], (x) => x.v);
    assert.deepEqual(
      r.map((x) => [x.v, x.rank]),
      [
        [7, 1],
        [7, 1],
        [5, 3],
        [1, 4],
      ],
    );
  });
});
