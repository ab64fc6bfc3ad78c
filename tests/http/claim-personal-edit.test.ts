// Issue 17: the claim edit form shows personal data masked; saving it without revealing sends the masked values back,
// and a masked value never overwrites the real one (kept when it is the stored value's mask, refused otherwise).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { claims } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { keepMaskedPersonal } from "../../src/domain/access/mask.ts";
import { assertErrorShape, type Client, type HostileFixture, hostileFixture, signedIn } from "../hostile/fixture.ts";

const REAL = { id: "038090001234", address: "12 Lê Lợi, phường Hạc Thành, Thanh Hóa", phone: "0912345678" };

test("keepMaskedPersonal: the stored value's mask is dropped, other masked text refused, real values pass", () => {
  const stored = { claimant_id_number: REAL.id, claimant_address: REAL.address, claimant_phone: REAL.phone };
  assert.deepEqual(
    keepMaskedPersonal(
      { claimant_id_number: "•••••••••234", claimant_address: "•••, Thanh Hóa", claimant_phone: "••••••••78" },
      stored,
    ),
    {},
  );
  assert.deepEqual(keepMaskedPersonal({ claimant_id_number: "038090009999" }, stored), {
    claimant_id_number: "038090009999",
  });
  assert.throws(() => keepMaskedPersonal({ claimant_id_number: "•••••••••999" }, stored), {
    field: "claimant_id_number",
  });
});

for (const engine of availableEngines()) {
  describe(`Sửa hồ sơ với thông tin cá nhân bị che — ${engine}`, () => {
    let fx: HostileFixture;
    let officer: Client;
    let id = "";
    before(async () => {
      fx = await hostileFixture(engine);
      officer = await signedIn(fx.app, "officer");
      const r = await officer.post("/api/claims", {
        field: "civil_enforcement",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: "Lò Thị Che Giấu",
        claimant_id_number: REAL.id,
        claimant_address: REAL.address,
        claimant_phone: REAL.phone,
      });
      assert.equal(r.statusCode, 201, r.body);
      id = r.json().id;
    });
    after(() => fx.close());

    test("saving the form with the masked values keeps the real ones; a different masked value is refused (422 naming the field)", async () => {
      const masked = (await officer.get(`/api/claims/${id}`)).json();
      assert.equal(masked.masked, true);
      assert.ok(masked.claimant_id_number.includes("•"));
      const saved = await officer.patch(`/api/claims/${id}`, {
        claimant_name: "Lò Thị Che Giấu",
        claimant_id_number: masked.claimant_id_number,
        claimant_address: masked.claimant_address,
        claimant_phone: masked.claimant_phone,
        summary: "Đã sửa tóm tắt",
        version: masked.version,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const [row] = await fx.database.db.select().from(claims).where(eq(claims.id, id));
      assert.deepEqual(
        [row.claimantIdNumber, row.claimantAddress, row.claimantPhone, row.summary],
        [REAL.id, REAL.address, REAL.phone, "Đã sửa tóm tắt"],
      );
      const bad = await officer.patch(`/api/claims/${id}`, { claimant_address: "•••, Hà Nội", version: row.version });
      assert.equal(bad.statusCode, 422, bad.body);
      assertErrorShape(bad.json(), "masked");
      assert.equal(bad.json().issues[0].path, "/claimant_address");
      const [same] = await fx.database.db.select().from(claims).where(eq(claims.id, id));
      assert.equal(same.version, row.version, "nothing written");
    });
  });
}
