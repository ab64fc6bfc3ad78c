// Sổ văn bản đi: 50 parallel allocations give 1..50 with no gap and no duplicate; agencies and years count separately;
// a rolled-back transaction gives its number back.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAuditChain } from "../../src/db/audit.ts";
import { allocateOutgoing, listOutgoing } from "../../src/db/repositories/register.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { loadAgencies, scopeFor } from "./fixtures.ts";

for (const engine of availableEngines()) {
  describe(`outgoing register on ${engine}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
    });
    after(async () => {
      await database?.close();
    });

    test("50 parallel allocations → numbers 1..50, no gaps, no duplicates", async () => {
      const scope = scopeFor("stp-thanh-hoa");
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          allocateOutgoing(database.db, scope, {
            agency_id: "stp-thanh-hoa",
            year: 2026,
            doc_kind: "letter",
            symbol: "STP-BTNN",
            subject: `Công văn số thứ ${i + 1}`,
          }),
        ),
      );
      const numbers = results.map((r) => r.number).sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      assert.ok(results.some((r) => r.display === "50/STP-BTNN"));
      const page = await listOutgoing(database.db, scope, { agency_id: "stp-thanh-hoa", year: 2026 }, { limit: 200 });
      assert.equal(page.total, 50);
      assert.equal((await verifyAuditChain(database.db)).ok, true);
    });

    test("each agency and year has its own sequence; a rollback returns the number", async () => {
      const th = scopeFor("stp-thanh-hoa");
      const a = await allocateOutgoing(database.db, th, {
        agency_id: "stp-thanh-hoa",
        year: 2027,
        doc_kind: "report",
        subject: "Báo cáo",
      });
      assert.equal(a.number, 1);
      const na = scopeFor("stp-nghe-an");
      const b = await allocateOutgoing(database.db, na, {
        agency_id: "stp-nghe-an",
        year: 2026,
        doc_kind: "letter",
        subject: "Công văn",
      });
      assert.equal(b.number, 1);
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await allocateOutgoing(tx, th, {
            agency_id: "stp-thanh-hoa",
            year: 2027,
            doc_kind: "letter",
            subject: "Sẽ hủy",
          });
          throw new Error("rollback");
        }),
        /rollback/,
      );
      const c = await allocateOutgoing(database.db, th, {
        agency_id: "stp-thanh-hoa",
        year: 2027,
        doc_kind: "letter",
        subject: "Tiếp theo",
      });
      assert.equal(c.number, 2);
      await assert.rejects(
        allocateOutgoing(database.db, na, {
          agency_id: "stp-thanh-hoa",
          year: 2027,
          doc_kind: "letter",
          subject: "Ngoài phạm vi",
        }),
        { code: "forbidden" },
      );
      const visible = await listOutgoing(database.db, na, {});
      assert.deepEqual(
        visible.items.map((r) => r.agency_id),
        ["stp-nghe-an"],
      );
    });
  });
}
