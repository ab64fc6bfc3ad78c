// Issue 13, finding 5, for the backfill route (POST /api/claims/backfill — an existing case recorded from paper or
// Excel, permission claims.backfill): like a live creation, every agency id of the claim is in the caller's write
// scope — 403 naming the field and nothing written otherwise — although backfill relaxes the order and date checks of
// the history. Both engines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hash } from "@node-rs/argon2";
import { memberships, users } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import {
  assertErrorShape,
  type Client,
  type HostileFixture,
  hostileFixture,
  PASSWORD,
  signedIn,
  tableCounts,
  versionSum,
} from "./fixture.ts";

const backfill = (handling: string, managing?: string) => ({
  field: "civil_enforcement",
  handling_agency_id: handling,
  ...(managing ? { managing_agency_id: managing } : {}),
  claimant_name: "Hoàng Văn Hồ Sơ Giấy",
  events: [
    { type: "received", date: "2023-03-01" },
    { type: "accepted", date: "2023-03-06" },
  ],
});

for (const engine of availableEngines()) {
  describe(`Phát hiện 5: nhập bổ sung vụ việc (backfill) chỉ vào cơ quan trong phạm vi ghi (${engine})`, () => {
    let fx: HostileFixture;
    /** agency_admin of Sở Tư pháp Thanh Hóa: province scope, holds claims.backfill. */
    let admin: Client;
    /** A leader (claims.backfill) of Sở Tư pháp Hà Nội. */
    let leaderHn: Client;
    const state = async () => ({ rows: await tableCounts(fx.database), versions: await versionSum(fx.database) });

    before(async () => {
      fx = await hostileFixture(engine);
      admin = await signedIn(fx.app, "agency_admin");
      const [u] = await fx.database.db
        .insert(users)
        .values({ username: "leader_hn", fullName: "Lãnh đạo Hà Nội", passwordHash: await hash(PASSWORD) })
        .returning({ id: users.id });
      await fx.database.db.insert(memberships).values({ userId: u.id, agencyId: "stp-ha-noi", role: "leader" });
      leaderHn = await signedIn(fx.app, "leader_hn");
    });
    after(() => fx.close());

    test("agency id ngoài phạm vi ghi → 403 nêu trường, không ghi gì; trong phạm vi → 201", async () => {
      const before = await state();
      for (const [who, payload, path] of [
        // Thanh Hóa's admin files a paper case into Hà Nội's books.
        [admin, backfill("thads-ha-noi"), "/handling_agency_id"],
        // … or names a Hà Nội agency as managing agency of its own province's case.
        [admin, backfill("thads-thanh-hoa", "stp-ha-noi"), "/managing_agency_id"],
        // Hà Nội's leader files into Thanh Hóa (own agency as managing, to pass).
        [leaderHn, backfill("thads-thanh-hoa", "stp-ha-noi"), "/handling_agency_id"],
      ] as const) {
        const r = await who.post("/api/claims/backfill", payload);
        assert.equal(r.statusCode, 403, `${path}: ${r.body}`);
        assertErrorShape(r.json(), "backfill");
        assert.equal(r.json().issues[0]?.path, path);
        assert.match(r.json().error, /nằm ngoài phạm vi dữ liệu của bạn/);
      }
      assert.deepEqual(await state(), before, "không ghi gì");
      assert.equal((await admin.get("/api/claims?q=Hồ Sơ Giấy")).json().total, 0);

      // Lawful: the admin's own province (the test can fail the other way too).
      const ok = await admin.post("/api/claims/backfill", backfill("thads-thanh-hoa"));
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().handling_agency_id, "thads-thanh-hoa");
      const own = await leaderHn.post("/api/claims/backfill", backfill("thads-ha-noi"));
      assert.equal(own.statusCode, 201, own.body);
      const [n] = await fx.database.query<{ n: number }>(
        "select count(*)::int as n from audit_log where action = 'claim.backfill'",
      );
      assert.equal(Number(n.n), 2);
    });
  });
}
