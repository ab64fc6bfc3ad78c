// Sổ thụ lý: a claim's code is the next number of its handling agency's register of the year (BT-2026-0007), without
// gaps or duplicates when claims are created concurrently, per agency and per year; codes taken over from a paper
// register move the register past them; a refused creation gives its number back.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClaim } from "../../src/db/repositories/claims.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { loadAgencies, scopeFor } from "./fixtures.ts";

const TODAY = "2026-12-04";
const newClaim = (db: Database, agency: string, date: string, code?: string) =>
  createClaim(
    db.db,
    scopeFor(agency),
    {
      ...(code ? { code } : {}),
      field: "civil_enforcement",
      handling_agency_id: agency,
      claimant_name: "Nguyễn Văn Sổ",
      events: [{ type: "received", date }],
    },
    { today: TODAY },
  );

for (const engine of availableEngines()) {
  describe(`Sổ thụ lý — mã vụ việc theo sổ của cơ quan giải quyết trong năm (${engine})`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
    });
    after(() => database?.close());

    test("12 vụ việc tạo đồng thời ở một cơ quan → BT-2026-0001 … 0012, không trùng, không nhảy số", async () => {
      const made = await Promise.all(
        Array.from({ length: 12 }, () => newClaim(database, "cuc-thads-thanh-hoa", "2026-11-02")),
      );
      const codes = made.map((c) => c.code).sort();
      assert.deepEqual(
        codes,
        Array.from({ length: 12 }, (_, i) => `BT-2026-${String(i + 1).padStart(4, "0")}`),
      );
    });

    test("cơ quan khác và năm khác có sổ riêng bắt đầu từ 0001", async () => {
      assert.equal((await newClaim(database, "cuc-thads-nghe-an", "2026-11-03")).code, "BT-2026-0001");
      assert.equal((await newClaim(database, "cuc-thads-thanh-hoa", "2025-12-30")).code, "BT-2025-0001");
    });

    test("mã lấy từ sổ giấy (BT-2026-0050) đẩy sổ lên: vụ việc mới tiếp theo là 0051; trùng mã trong cơ quan → lỗi nêu trường code", async () => {
      const db = database;
      await createClaim(
        db.db,
        SYSTEM_SCOPE,
        {
          code: "BT-2026-0050",
          field: "civil_enforcement",
          handling_agency_id: "cuc-thads-thanh-hoa",
          claimant_name: "Hồ Sơ Giấy",
          events: [{ type: "accepted", date: "2026-03-02" }],
        },
        { mode: "backfill", today: TODAY },
      );
      assert.equal((await newClaim(db, "cuc-thads-thanh-hoa", "2026-11-04")).code, "BT-2026-0051");
      await assert.rejects(newClaim(db, "cuc-thads-thanh-hoa", "2026-11-04", "BT-2026-0050"), {
        code: "duplicate",
        field: "code",
      });
    });

    test("tạo bị từ chối (ngày tương lai) không lấy số: số tiếp theo vẫn liền mạch", async () => {
      await assert.rejects(newClaim(database, "cuc-thads-nghe-an", "2026-12-05"), { field: "events[0].date" });
      assert.equal((await newClaim(database, "cuc-thads-nghe-an", "2026-12-04")).code, "BT-2026-0002");
    });
  });
}
