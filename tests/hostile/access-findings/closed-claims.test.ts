// Issue 13, finding 2: a closed claim cannot be edited, and amounts and law (derived from the events) cannot be set by
// PATCH. Reproduced as the attack run did it, on both engines; each refusal leaves the database unchanged.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { createClaim } from "../../../src/db/repositories/claims.ts";
import { claims } from "../../../src/db/schema/index.ts";
import { SYSTEM_SCOPE } from "../../../src/domain/access/scope.ts";
import { assertErrorShape, signedIn } from "../fixture.ts";
import { accessFindings } from "./fixture.ts";

const M = 1_000_000;

accessFindings((t) => {
  const { state } = t;

  test("finding 2: a closed claim cannot be edited and its amounts and law cannot be falsified by PATCH", async () => {
    const { fx, officer } = t;
    const paid = await createClaim(
      fx.database.db,
      SYSTEM_SCOPE,
      {
        code: "TH-DA-TRA",
        field: "civil_enforcement",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: "Lê Văn Đã Nhận",
        events: [
          { type: "received", date: "2024-02-01" },
          { type: "accepted", date: "2024-02-05" },
          { type: "decision_issued", date: "2024-04-10", data: { amount: 120 * M } },
          { type: "decision_effective", date: "2024-05-10" },
          { type: "paid", date: "2024-06-20", data: { amount: 120 * M } },
        ],
      },
      { mode: "backfill" },
    ); // an old file taken over with its known steps
    assert.equal(paid.state, "paid");
    const open = await createClaim(fx.database.db, SYSTEM_SCOPE, {
      code: "TH-DANG-GQ",
      field: "civil_enforcement",
      handling_agency_id: "thads-thanh-hoa",
      claimant_name: "Phạm Thị Đang Chờ",
      events: [{ type: "received", date: "2024-03-01" }],
    });
    const sys = await signedIn(fx.app, "sysadmin");
    const before = await state();
    // The attack payload, on the paid claim: the field-level refusal comes first (422 naming the field).
    for (const [field, value] of [
      ["amount_paid", 999_999_999_999],
      ["amount_decided", 1],
      ["amount_advance", 5],
      ["amount_requested", 7],
      ["law_version", "law_2009"],
    ] as const) {
      for (const id of [paid.id, open.id]) {
        const r = await officer.patch(`/api/claims/${id}`, { [field]: value, version: 1 });
        assert.equal(r.statusCode, 422, `${field}: ${r.body}`);
        assertErrorShape(r.json(), `finding 2 ${field}`);
        assert.equal(r.json().code, "derived_from_events");
        assert.equal(r.json().issues[0]?.path, `/${field}`);
      }
    }
    // Any edit of a closed claim, by anyone (the system admin included): 409, through a leader's correction only.
    for (const who of [officer, sys]) {
      const r = await who.patch(`/api/claims/${paid.id}`, { summary: "Sửa sau khi đã chi trả", version: 1 });
      assert.equal(r.statusCode, 409, r.body);
      assertErrorShape(r.json(), "finding 2 closed");
      assert.equal(r.json().code, "claim_closed");
      assert.match(r.json().error, /cải chính/);
      assert.match(r.json().error, /lãnh đạo/);
    }
    assert.deepEqual(await state(), before, "nothing written");
    // An open claim's ordinary fields are still editable.
    const ok = await officer.patch(`/api/claims/${open.id}`, { summary: "Bổ sung tóm tắt", version: 1 });
    assert.equal(ok.statusCode, 200, ok.body);

    // The list and the export agree with the events.
    const [row] = await fx.database.db.select().from(claims).where(eq(claims.id, paid.id));
    assert.deepEqual([row.amountDecided, row.amountPaid, row.lawVersion], [120 * M, 120 * M, "law_2017"]);
    const list = (await officer.get("/api/claims?q=TH-DA-TRA")).json();
    assert.equal(list.items.length, 1);
    assert.deepEqual([list.items[0].amount_decided, list.items[0].amount_paid], [120 * M, 120 * M]);
    const x = await officer.get("/api/exports/claims?q=TH-DA-TRA");
    assert.equal(x.statusCode, 200, x.body.slice(0, 200));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0].eachRow((r) => {
      if ((r.values as unknown[]).includes("TH-DA-TRA")) cells.push(...(r.values as unknown[]));
    });
    assert.ok(cells.includes(120 * M), "export shows the paid amount from the events");
    assert.ok(!cells.includes(999_999_999_999));
  });
});
