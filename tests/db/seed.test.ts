// Demo seed: loads an empty database only; claims in every procedure state, national volume (~25 new a year, 65–105
// open), every stored history lawful under the claims domain, demo accounts log in, audit chain intact.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { verifyAuditChain } from "../../src/db/audit.ts";
import { findUserForLogin, verifyPassword } from "../../src/db/repositories/users.ts";
import { ALL_TARGETS, generateClaims } from "../../src/db/seed/generate.ts";
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo, seedScale } from "../../src/db/seed/index.ts";
import { availableEngines, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { AGENCY_ROWS } from "../../src/domain/agencies/index.ts";
import { parseClaimHistory, replay } from "../../src/domain/claims/index.ts";
import { tableCount } from "./fixtures.ts";

const AS_OF = "2026-06-30";

test("generateClaims is deterministic for (seed, scale, asOf)", () => {
  const a = generateClaims(AGENCY_ROWS, { asOf: AS_OF, seed: 7, scale: 2 });
  const b = generateClaims(AGENCY_ROWS, { asOf: AS_OF, seed: 7, scale: 2 });
  assert.deepEqual(a, b);
  const c = generateClaims(AGENCY_ROWS, { asOf: AS_OF, seed: 8, scale: 2 });
  assert.notDeepEqual(
    a.map((x) => x.id),
    c.map((x) => x.id),
  );
  // 2× national volume over 2019 – mid 2026 (7.5 years × 50).
  assert.ok(a.length > 300 && a.length < 450, `got ${a.length}`);
});

for (const engine of availableEngines()) {
  describe(`demo seed on ${engine}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase({ engine });
    });
    after(async () => {
      await database?.close();
    });

    test("seeds an empty database once; a second run changes nothing", async () => {
      assert.equal(await isDatabaseEmpty(database), true);
      const r = await seedDemo(database, { asOf: AS_OF });
      assert.equal(r.seeded, true);
      assert.equal(await tableCount(database, "agencies"), AGENCY_ROWS.length);
      assert.equal(await tableCount(database, "users"), DEMO_USERS.length);
      assert.equal(await tableCount(database, "claims"), r.claims);
      const again = await seedDemo(database, { asOf: AS_OF });
      assert.equal(again.seeded, false);
      assert.equal(await tableCount(database, "claims"), r.claims);
      await assert.rejects(seedScale(database, 1, { asOf: AS_OF }), { code: "not_empty" });
    });

    test("national volume: ~25 new claims a year, 65–105 open (legal-brief §9)", async () => {
      const perYear = await database.query<{ y: number; n: number }>(
        "select extract(year from received_on)::int as y, count(*)::int as n from claims group by 1 order by 1",
      );
      assert.deepEqual(
        perYear.map((r) => r.y),
        [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
      );
      for (const r of perYear.filter((x) => x.y < 2026)) assert.ok(r.n >= 15 && r.n <= 35, `${r.y}: ${r.n}`);
      const [{ n: open }] = await database.query<{ n: number }>("select count(*)::int as n from claims where open");
      assert.ok(open >= 65 && open <= 105, `open: ${open}`);
      const [{ mean }] = await database.query<{ mean: number }>(
        "select avg(amount_decided)::float8 as mean from claims where amount_decided is not null",
      );
      assert.ok(mean > 300_000_000 && mean < 1_200_000_000, `mean decided ${mean}`);
    });

    test("every procedure state occurs and every stored history replays lawfully with stored deadlines", async () => {
      const states = await database.query<{ state: string; suspended: boolean }>(
        "select distinct state, suspended from claims",
      );
      const seen = new Set(states.map((s) => (s.suspended ? "suspended" : s.state)));
      for (const t of ALL_TARGETS) assert.ok(seen.has(t), `missing state ${t}`);
      const claims = await database.query<{ id: string; law_version: string; complex: boolean; state: string }>(
        "select id, law_version, complex, state from claims",
      );
      const events = await database.query<{ claim_id: string; type: string; date: string; ground: string | null }>(
        "select claim_id, type, to_char(date, 'YYYY-MM-DD') as date, ground from claim_events order by claim_id, date, seq",
      );
      const byClaim = new Map<string, typeof events>();
      for (const e of events) byClaim.set(e.claim_id, [...(byClaim.get(e.claim_id) ?? []), e]);
      for (const c of claims) {
        const evs = (byClaim.get(c.id) ?? []).map((e) =>
          e.ground ? { type: e.type, date: e.date, ground: e.ground } : { type: e.type, date: e.date },
        );
        const s = replay(parseClaimHistory({ law: c.law_version, complex: c.complex, events: evs }));
        assert.equal(s.phase, c.state);
      }
      const [{ n }] = await database.query<{ n: number }>(
        "select count(*)::int as n from claims c where not exists (select 1 from claim_deadlines d where d.claim_id = c.id) and c.state <> 'received'",
      );
      assert.equal(n, 0);
    });

    test("demo accounts exist with the documented password (argon2id) and the audit chain is intact", async () => {
      const u = await findUserForLogin(database.db, "stp.thanhhoa.canbo");
      assert.ok(u);
      assert.match(u.password_hash, /^\$argon2id\$/);
      assert.equal(await verifyPassword(u.password_hash, DEMO_PASSWORD), true);
      assert.deepEqual(u.memberships, [{ agency_id: "stp-thanh-hoa", role: "officer" }]);
      const v = await verifyAuditChain(database.db);
      assert.equal(v.ok, true);
    });
  });
}
