// Claims repository on every engine: scope filter, diacritics-insensitive search, optimistic concurrency,
// transitions the law forbids (nothing written), deadlines stored, personal data masked and unmasking audited.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAuditChain } from "../../src/db/audit.ts";
import { addClaimEvent, createClaim, getClaim, listClaims, updateClaim } from "../../src/db/repositories/claims.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { DomainError } from "../../src/domain/shared/errors.ts";
import { loadAgencies, scopeFor, tableCount } from "./fixtures.ts";

const AS_OF = "2024-06-01";

for (const engine of availableEngines()) {
  describe(`claims repository on ${engine}`, () => {
    let database: Database;
    const ids: Record<string, string> = {};

    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
      const mk = async (
        key: string,
        handling: string,
        claimant: string,
        field: string,
        events: Array<{ type: string; date: string }>,
      ) => {
        const c = await createClaim(
          database.db,
          SYSTEM_SCOPE,
          {
            code: `T-${key}`,
            field,
            handling_agency_id: handling,
            claimant_name: claimant,
            claimant_id_number: "038090001234",
            claimant_address: "Số 5 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
            claimant_phone: "0912345678",
            amount_requested: 650_000_000,
            events,
          },
          { as_of: AS_OF },
        );
        ids[key] = c.id;
      };
      await mk("thads-th", "cuc-thads-thanh-hoa", "Nguyễn Văn Hóa", "civil_enforcement", [
        { type: "received", date: "2024-03-01" },
      ]);
      await mk("chicuc-th", "chi-cuc-thads-quang-xuong", "Lê Thị Đào", "civil_enforcement", [
        { type: "received", date: "2023-05-10" },
      ]);
      await mk("ubnd-th", "ubnd-thanh-hoa", "Trần Văn Bình", "administration", [
        { type: "received", date: "2022-09-15" },
      ]);
      await mk("ubnd-na", "ubnd-nghe-an", "Phạm Văn Đức", "administration", [{ type: "received", date: "2024-01-20" }]);
    });
    after(async () => {
      await database?.close();
    });

    test("Sở Tư pháp Thanh Hóa sees the Thanh Hóa claims only (TT 08/2019/TT-BTP, Điều 4 — UBND tỉnh/Sở Tư pháp)", async () => {
      const page = await listClaims(database.db, scopeFor("stp-thanh-hoa"), {}, { limit: 50 });
      assert.deepEqual(page.items.map((c) => c.code).sort(), ["T-chicuc-th", "T-thads-th", "T-ubnd-th"]);
      assert.equal(page.total, 3);
      await assert.rejects(getClaim(database.db, scopeFor("stp-thanh-hoa"), ids["ubnd-na"]), { code: "not_found" });
    });

    test("Cục BTNN sees every claim nationwide", async () => {
      const page = await listClaims(database.db, scopeFor("cuc-btnn", "viewer"), {}, { limit: 50 });
      assert.equal(page.total, 4);
    });

    test("an enforcement office sees its own cases (and those of the office it succeeded), not the province's others", async () => {
      const page = await listClaims(database.db, scopeFor("thads-thanh-hoa"), {}, { limit: 50 });
      assert.deepEqual(page.items.map((c) => c.code).sort(), ["T-chicuc-th", "T-thads-th"]);
      const nghean = await listClaims(database.db, scopeFor("stp-nghe-an"), {});
      assert.deepEqual(
        nghean.items.map((c) => c.code),
        ["T-ubnd-na"],
      );
    });

    test('search "Thanh Hoa" finds "Thanh Hóa"; "nguyen van hoa" finds "Nguyễn Văn Hóa"; filters combine', async () => {
      const scope = scopeFor("cuc-btnn");
      const th = await listClaims(database.db, scope, { q: "Thanh Hoa" }, { limit: 50 });
      assert.deepEqual(th.items.map((c) => c.code).sort(), ["T-thads-th", "T-ubnd-th"]);
      const name = await listClaims(database.db, scope, { q: "nguyen van hoa" });
      assert.deepEqual(
        name.items.map((c) => c.code),
        ["T-thads-th"],
      );
      const admin2024 = await listClaims(database.db, scope, { field: "administration", year: 2024 });
      assert.deepEqual(
        admin2024.items.map((c) => c.code),
        ["T-ubnd-na"],
      );
      const paged = await listClaims(database.db, scope, {}, { limit: 2, offset: 2 });
      assert.equal(paged.items.length, 2);
      assert.equal(paged.total, 4);
    });

    test("stale version → DomainError stale_version and nothing written", async () => {
      const scope = scopeFor("stp-thanh-hoa");
      const id = ids["ubnd-th"];
      const v1 = await getClaim(database.db, scope, id, { unmask: false });
      const updated = await updateClaim(database.db, scope, id, v1.version, {
        summary: "Bản sửa thứ nhất",
        complex: true,
      });
      assert.equal(updated.version, v1.version + 1);
      assert.equal(updated.summary, "Bản sửa thứ nhất");
      const auditBefore = await tableCount(database, "audit_log");
      await assert.rejects(updateClaim(database.db, scope, id, v1.version, { summary: "Bản sửa đè" }), (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.equal(e.code, "stale_version");
        return true;
      });
      const now = await getClaim(database.db, scope, id, { unmask: false });
      assert.equal(now.summary, "Bản sửa thứ nhất");
      assert.equal(now.version, v1.version + 1);
      assert.equal(await tableCount(database, "audit_log"), auditBefore);
    });

    test("Luật TNBTCNN 2017, Điều 62 khoản 5 — no payment on a file only received: refused, nothing written", async () => {
      const scope = scopeFor("cuc-thads-thanh-hoa");
      const id = ids["thads-th"];
      const beforeClaim = await getClaim(database.db, scope, id, { unmask: false });
      const counts = {
        events: await tableCount(database, "claim_events"),
        deadlines: await tableCount(database, "claim_deadlines"),
        audit: await tableCount(database, "audit_log"),
      };
      await assert.rejects(
        addClaimEvent(database.db, scope, id, { type: "paid", date: "2024-03-05" }, { as_of: AS_OF }),
        (e: unknown) => {
          assert.ok(e instanceof DomainError);
          assert.equal(e.code, "transition_not_allowed");
          assert.match(e.message, /Điều 62 khoản 5/);
          return true;
        },
      );
      assert.equal(await tableCount(database, "claim_events"), counts.events);
      assert.equal(await tableCount(database, "claim_deadlines"), counts.deadlines);
      assert.equal(await tableCount(database, "audit_log"), counts.audit);
      const afterClaim = await getClaim(database.db, scope, id, { unmask: false });
      assert.equal(afterClaim.version, beforeClaim.version);
      assert.equal(afterClaim.state, "received");
    });

    test("Luật TNBTCNN 2017, Điều 43 — file_valid then accepted: state, events in order, deadlines recomputed and stored", async () => {
      const scope = scopeFor("cuc-thads-thanh-hoa");
      const id = ids["thads-th"];
      await addClaimEvent(database.db, scope, id, { type: "file_valid", date: "2024-03-04" }, { as_of: AS_OF });
      const c = await addClaimEvent(
        database.db,
        scope,
        id,
        { type: "accepted", date: "2024-03-05" },
        { as_of: AS_OF, expected_version: 2 },
      );
      assert.equal(c.state, "accepted");
      assert.equal(c.version, 3);
      assert.deepEqual(
        c.events.map((e) => e.type),
        ["received", "file_valid", "accepted"],
      );
      const steps = c.deadlines.filter((d) => d.kind === "deadline").map((d) => d.step);
      assert.ok(steps.includes("verify"), `verify deadline expected, got ${steps.join(", ")}`);
      const accept = c.deadlines.find((d) => d.step === "accept");
      assert.ok(accept?.basis?.includes("Điều 43"));
      await assert.rejects(
        addClaimEvent(
          database.db,
          scope,
          id,
          { type: "officer_appointed", date: "2024-03-06" },
          { as_of: AS_OF, expected_version: 2 },
        ),
        { code: "stale_version" },
      );
      assert.deepEqual(await verifyAuditChain(database.db), {
        ok: true,
        checked: await tableCount(database, "audit_log"),
      });
    });

    test("personal data: masked for a viewer; shown to an officer and that read is audited", async () => {
      const id = ids["ubnd-na"];
      const viewer = await getClaim(database.db, scopeFor("cuc-btnn", "viewer"), id);
      assert.equal(viewer.masked, true);
      assert.equal(viewer.claimant_id_number, "•••••••••234");
      assert.equal(viewer.claimant_phone, "••••••••78");
      assert.equal(viewer.claimant_name, "Phạm Văn Đức");
      await assert.rejects(getClaim(database.db, scopeFor("cuc-btnn", "viewer"), id, { unmask: true }), {
        code: "forbidden",
      });
      const before = await tableCount(database, "audit_log");
      const officer = await getClaim(database.db, scopeFor("stp-nghe-an"), id);
      assert.equal(officer.masked, false);
      assert.equal(officer.claimant_id_number, "038090001234");
      const rows = await database.query<{ action: string; entity_id: string }>(
        "select action, entity_id from audit_log order by seq desc limit 1",
      );
      assert.equal(await tableCount(database, "audit_log"), before + 1);
      assert.deepEqual(rows[0], { action: "claim.personal_data.read", entity_id: id });
      const list = await listClaims(database.db, scopeFor("stp-nghe-an"), {});
      assert.equal(list.items[0].masked, true);
    });

    test("writes outside the caller's scope are refused", async () => {
      await assert.rejects(
        createClaim(database.db, scopeFor("stp-nghe-an"), {
          field: "administration",
          handling_agency_id: "ubnd-thanh-hoa",
          claimant_name: "Người ngoài phạm vi",
        }),
        { code: "forbidden" },
      );
      await assert.rejects(updateClaim(database.db, scopeFor("stp-nghe-an"), ids["ubnd-th"], 1, { summary: "x" }), {
        code: "not_found",
      });
      await assert.rejects(
        updateClaim(database.db, scopeFor("cuc-btnn", "viewer"), ids["ubnd-th"], 1, { summary: "x" }),
        { code: "forbidden" },
      );
    });
  });
}
