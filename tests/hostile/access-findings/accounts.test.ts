// Issue 13, findings 1 and 8 (accounts): a province admin cannot take over an account beyond the province, and an
// account reset by an admin can do nothing but change its password. Reproduced as the attack run did it, on both engines;
// each refusal leaves the database unchanged.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClaim } from "../../../src/db/repositories/claims.ts";
import { SYSTEM_SCOPE } from "../../../src/domain/access/scope.ts";
import { assertErrorShape, Client, PASSWORD, signedIn } from "../fixture.ts";
import { accessFindings } from "./fixture.ts";

accessFindings((t) => {
  const { state, userWith } = t;

  test("finding 1: a province admin cannot take over a national account (password reset, lock, memberships) nor grant a role outside the province", async () => {
    const { fx, admin } = t;
    // The attack: officer at the Cục, viewer at the Sở Tư pháp Thanh Hóa → visible to the Thanh Hóa admin.
    const dual = await userWith("hai-cap", [
      ["cuc-btnn", "officer"],
      ["stp-thanh-hoa", "viewer"],
    ]);
    const seen = await admin.get(`/api/users/${dual}`);
    assert.equal(seen.statusCode, 200, "the account stays visible (one membership is in the province)");
    const before = await state();
    const attempts = [
      await admin.post(`/api/users/${dual}/password`, { new_password: "mat-khau-chiem-quyen" }),
      await admin.patch(`/api/users/${dual}`, { active: false }),
      await admin.post(`/api/users/${dual}/memberships`, { agency_id: "stp-thanh-hoa", role: "agency_admin" }),
      await admin.delete(`/api/users/${dual}/memberships/stp-thanh-hoa/viewer`),
    ];
    for (const r of attempts) {
      assert.equal(r.statusCode, 403, r.body);
      assertErrorShape(r.json(), "finding 1");
      assert.match(r.json().error, /ngoài phạm vi quản lý/);
    }
    assert.deepEqual(await state(), before, "nothing written");
    // The owner's password still works, the account is still active, and acting nationally is the owner's alone.
    const owner = new Client(fx.app);
    const login = await owner.post("/api/auth/login", {
      username: "hai-cap",
      password: PASSWORD,
      agency_id: "cuc-btnn",
    });
    assert.equal(login.statusCode, 200, login.body);
    const attacker = new Client(fx.app);
    const stolen = await attacker.post("/api/auth/login", { username: "hai-cap", password: "mat-khau-chiem-quyen" });
    assert.equal(stolen.statusCode, 401);

    // A system admin (nationwide) may still act on it.
    const sys = await signedIn(fx.app, "sysadmin");
    assert.equal((await sys.patch(`/api/users/${dual}`, { active: true })).statusCode, 200);
    // A system-admin account at an agency inside the province is out of reach for the province admin too.
    const sysInside = await userWith("qtht-trong-tinh", [["stp-thanh-hoa", "system_admin"]]);
    const r = await admin.post(`/api/users/${sysInside}/password`, { new_password: "mat-khau-chiem-quyen" });
    assert.equal(r.statusCode, 403, r.body);

    // Granting: no membership outside the province, neither on an existing account nor on a new one.
    const local = fx.userIds.officer_phong;
    const before2 = await state();
    const grant = await admin.post(`/api/users/${local}/memberships`, { agency_id: "cuc-btnn", role: "officer" });
    assert.equal(grant.statusCode, 403, grant.body);
    assert.equal(grant.json().issues[0]?.path, "/agency_id");
    const created = await admin.post("/api/users", {
      username: "moi-ngoai-tinh",
      full_name: "Người ngoài tỉnh",
      password: "mat-khau-dai-du-roi",
      memberships: [
        { agency_id: "stp-thanh-hoa", role: "viewer" },
        { agency_id: "stp-ha-noi", role: "viewer" },
      ],
    });
    assert.equal(created.statusCode, 403, created.body);
    assert.equal(created.json().issues[0]?.path, "/memberships/1/agency_id");
    assert.deepEqual(await state(), before2, "nothing written");

    // Control: an account whose every membership is in the province is the admin's to manage.
    const ok = await admin.post(`/api/users/${local}/password`, { new_password: "mat-khau-dat-lai-1" });
    assert.equal(ok.statusCode, 204, ok.body);
  });

  test("finding 8: after an admin reset the account can only change its password, log out and read /api/auth/me", async () => {
    const { fx, admin } = t;
    const id = await userWith("vua-dat-lai", [["thads-thanh-hoa", "officer"]]);
    const claim = await createClaim(fx.database.db, SYSTEM_SCOPE, {
      field: "civil_enforcement",
      handling_agency_id: "thads-thanh-hoa",
      claimant_name: "Võ Văn Cá Nhân",
      claimant_id_number: "038090009999",
      events: [{ type: "received", date: "2024-03-01" }],
    });
    const reset = await admin.post(`/api/users/${id}/password`, { new_password: "mat-khau-tam-thoi-1" });
    assert.equal(reset.statusCode, 204, reset.body);
    const user = new Client(fx.app);
    assert.equal((await user.login("vua-dat-lai", "mat-khau-tam-thoi-1")).statusCode, 200);
    const before = await state();
    const refused = [
      await user.get(`/api/claims/${claim.id}?reveal=personal`),
      await user.get("/api/claims"),
      await user.post("/api/claims", {
        field: "civil_enforcement",
        handling_agency_id: "thads-thanh-hoa",
        claimant_name: "Tạo Khi Chưa Đổi",
      }),
      await user.get("/api/exports/claims"),
      await user.get("/api/agencies/tree"),
      await user.post(`/api/users/${id}/password`, { new_password: "tu-dat-lai-qua-duong-khac" }),
    ];
    for (const r of refused) {
      assert.equal(r.statusCode, 403, r.body.slice(0, 200));
      assertErrorShape(r.json(), "finding 8");
      assert.equal(r.json().code, "must_change_password");
    }
    assert.deepEqual(await state(), before, "nothing written, no personal data read (no audit row)");
    const me = await user.get("/api/auth/me");
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.must_change_password, true);
    const changed = await user.post("/api/auth/password", {
      current_password: "mat-khau-tam-thoi-1",
      new_password: "mat-khau-cua-rieng-toi",
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((await user.get("/api/auth/me")).json().user.must_change_password, false);
    assert.equal((await user.get(`/api/claims/${claim.id}?reveal=personal`)).statusCode, 200);
    // Logging out is allowed while the change is pending too.
    const other = new Client(fx.app);
    await admin.post(`/api/users/${id}/password`, { new_password: "mat-khau-tam-thoi-2" });
    assert.equal((await other.login("vua-dat-lai", "mat-khau-tam-thoi-2")).statusCode, 200);
    assert.equal((await other.post("/api/auth/logout")).statusCode, 204);
  });
});
