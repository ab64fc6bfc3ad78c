// Exchange of inspection results between the two lead agencies of KH 2021 (mục II.10), on every engine, with the
// full dated agency registry loaded: the counterpart is found by ROLE (TONG_CUC_THADS ↔ CUC_BTNN) and by the dates
// the agencies are in force — a result reported in 2024 goes to the Tổng cục THADS, one reported in 2026 to its
// successor after the 2025 reorganisation (Cục Quản lý THADS); a result of the THADS lead goes to Cục BTNN.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createInspection, getInspection, recordResult } from "../../src/db/repositories/inspections.ts";
import { notifications } from "../../src/db/schema/index.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { loadAgencies, scopeFor } from "../db/fixtures.ts";

const team = [{ name: "Nguyễn Văn Bình", title: "Phó Cục trưởng", role: "leader" as const }];

for (const engine of availableEngines()) {
  describe(`Trao đổi kết quả kiểm tra theo vai trò và ngày — KH 2021 mục II.10 (${engine})`, () => {
    let database: Database;

    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
    });
    after(async () => {
      await database?.close();
    });

    const run = async (lead: string, year: number, target: string, reportDate: string) => {
      const scope = scopeFor(lead);
      const ins = await createInspection(database.db, scope, {
        title: `Kiểm tra công tác bồi thường trong hoạt động THADS năm ${year}`,
        lead_agency_id: lead,
        year,
        team,
        targets: [{ agency_id: target, date: reportDate }],
      });
      const r = await recordResult(
        database.db,
        scope,
        ins.id,
        {
          findings: [{ target_agency_id: target, text: "Thụ lý 02 vụ việc, giải quyết xong 01 vụ việc." }],
          recommendations: [],
          report_date: reportDate,
        },
        { today: reportDate },
      );
      const notes = await database.db
        .select({ agency: notifications.agencyId })
        .from(notifications)
        .where(and(eq(notifications.entityId, ins.id), eq(notifications.kind, "inspection_result")));
      return { r, notes: notes.map((n) => n.agency).sort() };
    };

    test("KH 2021 mục II.10 — kiểm tra năm 2024 (trước sắp xếp): Cục BTNN gửi kết quả cho Tổng cục THADS", async () => {
      const { r, notes } = await run("cuc-btnn", 2024, "cuc-thads-thanh-hoa", "2024-09-20");
      assert.deepEqual(
        r.shared_with.map((s) => [s.agency_id, s.on, s.basis]),
        [["tong-cuc-thads", "2024-09-20", "KH 2021 mục II.10"]],
      );
      assert.deepEqual(notes, ["tong-cuc-thads"]);
      // The Tổng cục sees the inspection it received.
      assert.equal((await getInspection(database.db, scopeFor("tong-cuc-thads"), r.id)).id, r.id);
      // Its successor inherits its records (scope of a successor covers its predecessor), so it sees it too.
      assert.equal((await getInspection(database.db, scopeFor("cuc-ql-thads"), r.id)).id, r.id);
    });

    test("KH 2021 mục II.10 — kiểm tra năm 2026 (sau sắp xếp 2025): kết quả gửi Cục Quản lý THADS, không gửi Tổng cục đã kết thúc", async () => {
      const { r, notes } = await run("cuc-btnn", 2026, "thads-thanh-hoa", "2026-04-15");
      assert.deepEqual(
        r.shared_with.map((s) => [s.agency_id, s.on, s.basis]),
        [["cuc-ql-thads", "2026-04-15", "KH 2021 mục II.10"]],
      );
      assert.deepEqual(notes, ["cuc-ql-thads"]);
      await assert.rejects(getInspection(database.db, scopeFor("tong-cuc-thads"), r.id), { code: "not_found" });
    });

    test("KH 2021 mục II.10 — chiều ngược lại: Tổng cục THADS (2024) và Cục Quản lý THADS (2026) gửi kết quả cho Cục BTNN", async () => {
      const a = await run("tong-cuc-thads", 2024, "cuc-thads-nghe-an", "2024-10-02");
      assert.deepEqual(
        a.r.shared_with.map((s) => s.agency_id),
        ["cuc-btnn"],
      );
      const b = await run("cuc-ql-thads", 2026, "thads-nghe-an", "2026-05-05");
      assert.deepEqual(
        b.r.shared_with.map((s) => s.agency_id),
        ["cuc-btnn"],
      );
      assert.deepEqual(b.notes, ["cuc-btnn"]);
    });
  });
}
