// Claim reads shaped by the database (CLAIM_API_COLUMNS, issue 16): the list's items equal what the row mapping in JS
// produced before (rawDto, masked, dates through Date.toISOString) on every engine — nulls, amounts, extensions,
// personal data masked, timestamps with microseconds truncated like the driver's Date.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { rawDto } from "../../src/db/repositories/claims/model.ts";
import { createClaim, getClaim, listClaims } from "../../src/db/repositories/claims.ts";
import { claimDeadlines, claimEvents, claims } from "../../src/db/schema/index.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { maskClaimant } from "../../src/domain/access/mask.ts";
import { SYSTEM_SCOPE } from "../../src/domain/access/scope.ts";
import { jsonDates } from "../../src/http/json.ts";
import { loadAgencies, scopeFor } from "./fixtures.ts";

for (const engine of availableEngines()) {
  describe(`claims as the API's JSON on ${engine}`, () => {
    let database: Database;

    before(async () => {
      database = await openTestDatabase({ engine });
      await loadAgencies(database.db);
      await createClaim(
        database.db,
        SYSTEM_SCOPE,
        {
          field: "civil_enforcement",
          handling_agency_id: "chi-cuc-thads-quang-xuong",
          managing_agency_id: "cuc-thads-thanh-hoa",
          complex: true,
          claimant_name: "Nguyễn Văn Hóa",
          claimant_id_number: "038090001234",
          claimant_address: "Số 5 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa",
          claimant_phone: "0912 345 678",
          summary: "Kê biên sai tài sản \"nhà\" — 'trích' \\ dữ liệu",
          amount_requested: 650_000_000,
          extensions: { verify: 15 },
          events: [{ type: "received", date: "2024-03-01" }],
        },
        { as_of: "2024-06-01" },
      );
      await createClaim(
        database.db,
        SYSTEM_SCOPE,
        { field: "administration", handling_agency_id: "ubnd-thanh-hoa", claimant_name: "Lê Thị Đào" },
        { as_of: "2024-06-01" },
      );
      // Timestamps whose microseconds must be truncated (not rounded), as the driver's Date does.
      await database.query(
        "update claims set created_at = '2024-03-01 23:59:59.999999+07', updated_at = '1999-12-31 17:00:00.0005+00'",
      );
    });
    after(async () => {
      await database?.close();
    });

    test("list items equal the row mapped in JS: rawDto, masked, dates as Date.toISOString()", async () => {
      const page = await listClaims(database.db, SYSTEM_SCOPE, {}, { limit: 50 });
      const rows = await database.db.select().from(claims);
      assert.equal(page.items.length, 2);
      for (const item of page.items) {
        const row = rows.find((r) => r.id === item.id);
        assert.ok(row);
        assert.deepEqual(item, jsonDates(maskClaimant(rawDto(row), false)));
      }
      const hoa = page.items.find((c) => c.claimant_name === "Nguyễn Văn Hóa");
      assert.equal(hoa?.created_at, "2024-03-01T16:59:59.999Z");
      assert.equal(hoa?.updated_at, "1999-12-31T17:00:00.000Z");
      assert.equal(hoa?.claimant_id_number, "•••••••••234");
      assert.equal(hoa?.masked, true);
      assert.deepEqual(hoa?.extensions, { verify: 15 });
    });

    test("a list prepared once per filter shape answers like the list built for the request (values rebound each time)", async () => {
      const all = (await database.db.select({ id: claims.id }).from(claims)).map((r) => r.id);
      const filters = [
        {},
        { field: "administration" },
        { field: "civil_enforcement" },
        { q: "hoa" },
        { q: "dao" },
        { q: "   " },
        { field: "" },
        { state: [] },
        { state: ["received"] },
        { state: "received", open: true, sort: "code" as const },
        { complex: true },
        { complex: false },
        { year: 2024 },
        { year: 2023 },
        { agency_id: "cuc-thads-thanh-hoa" },
        { agency_id: "ubnd-thanh-hoa", backlogged: false, prolonged: false, suspended: false },
        { handling_agency_id: "ubnd-thanh-hoa", law_version: "law_2017", sort: "updated_desc" as const },
      ];
      for (const scope of [SYSTEM_SCOPE, scopeFor("cuc-thads-thanh-hoa"), scopeFor("stp-nghe-an")])
        for (const filter of filters) {
          const prepared = await listClaims(database.db, scope, filter, { limit: 1 });
          const built = await listClaims(database.db, scope, { ...filter, ids: all }, { limit: 1 });
          assert.deepEqual(prepared, built, JSON.stringify(filter));
        }
      const names = async (filter: object) =>
        (await listClaims(database.db, SYSTEM_SCOPE, filter)).items.map((c) => c.claimant_name).sort();
      assert.deepEqual(await names({ field: "administration" }), ["Lê Thị Đào"]);
      assert.deepEqual(await names({ field: "civil_enforcement" }), ["Nguyễn Văn Hóa"]);
      assert.deepEqual(await names({ q: "   " }), ["Lê Thị Đào", "Nguyễn Văn Hóa"]);
      assert.deepEqual(await names({ state: [] }), []);
      assert.equal((await listClaims(database.db, scopeFor("stp-nghe-an"), {})).total, 0);
    });

    test("the detail: the same claim (masked unless revealed), events and deadlines with their timestamps as ISO", async () => {
      const [row] = await database.db.select().from(claims).where(eq(claims.claimantName, "Nguyễn Văn Hóa"));
      const masked = await getClaim(database.db, SYSTEM_SCOPE, row.id, { unmask: false });
      const { events, deadlines, documents, next_actions, unrecorded, corrections, ...claim } = masked;
      assert.deepEqual(claim, jsonDates(maskClaimant(rawDto(row), false)));
      const shown = await getClaim(database.db, SYSTEM_SCOPE, row.id, { unmask: true, skipPermissionAudit: true });
      assert.equal(shown.claimant_id_number, "038090001234");
      assert.equal(shown.masked, false);
      const [event] = await database.db.select().from(claimEvents).where(eq(claimEvents.claimId, row.id));
      assert.deepEqual(events, [
        {
          id: event.id,
          seq: event.seq,
          type: "received",
          date: "2024-03-01",
          ground: null,
          note: null,
          data: event.data,
          recorded_by: null,
          recorded_at: event.recordedAt.toISOString(),
        },
      ]);
      const stored = await database.db
        .select()
        .from(claimDeadlines)
        .where(eq(claimDeadlines.claimId, row.id))
        .orderBy(claimDeadlines.position);
      assert.ok(stored.length > 0);
      assert.deepEqual(
        deadlines.map((d) => [d.step, d.due, d.computed_at]),
        stored.map((d) => [d.step, d.due, d.computedAt.toISOString()]),
      );
      assert.deepEqual([documents, corrections], [[], []]);
      assert.ok(next_actions.length > 0 && Array.isArray(unrecorded));
    });
  });
}
