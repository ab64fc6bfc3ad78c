// Caches of the HTTP layer (issue 7 §1, API throughput): the session cache (src/http/session-cache.ts), the memoised
// scope (plugins/scope.ts) and the per-user response cache (plugins/response-cache.ts). What must hold whatever is
// cached: a write is visible on the next read; nothing cached for one user reaches another (agency scope, personal
// data masking); logout, password change, password reset, deactivation and membership changes take effect on the
// very next request; the Vietnamese calendar date is part of the key. On both engines.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditLog, claims } from "../../src/db/schema/index.ts";
import { availableEngines, type Engine, openTestDatabase } from "../../src/db/testing.ts";
import type { Database } from "../../src/db/types.ts";
import { buildApp } from "../../src/http/app.ts";
import { bumpDataGeneration } from "../../src/http/data-generation.ts";
import { ResponseStore } from "../../src/http/plugins/response-cache.ts";
import { Client, PASSWORD, seedFixtureUsers } from "./helpers.ts";

type Fx = { database: Database; app: Awaited<ReturnType<typeof buildApp>>; userIds: Record<string, string> };

/** The HTTP fixture of helpers.ts on a chosen engine, with a settable clock (starts 10/3/2026 09:00 in Vietnam). */
async function setup(engine: Engine, clock: { t: number }): Promise<Fx> {
  const database = await openTestDatabase({ engine });
  const db = database.db;
  const userIds = await seedFixtureUsers(db);
  // The commit-watermark poll (PostgreSQL) is slowed down here so that hits are deterministic even when other
  // databases on the same server are busy; the last test checks the poll itself with pollMs 0.
  const app = await buildApp({
    database,
    config: {},
    now: () => new Date(clock.t),
    responseCache: { pollMs: 60_000 },
  });
  await app.ready();
  return { database, app, userIds };
}

async function signIn(app: Fx["app"], username: string, password = PASSWORD): Promise<Client> {
  const c = new Client(app);
  const r = await c.login(username, password);
  assert.equal(r.statusCode, 200, `đăng nhập ${username}: ${r.body}`);
  return c;
}

/** A second browser holding a copy of `c`'s cookies (to replay them after `c` logs out). */
function copyOf(c: Client): Client {
  const d = new Client(c.app);
  d.cookies = { ...c.cookies };
  return d;
}

const newClaim = (agency: string, name: string) => ({
  field: "civil_enforcement",
  handling_agency_id: agency,
  claimant_name: name,
  claimant_id_number: "038190005678",
  claimant_address: "5 Trần Phú, phường Hạc Thành, tỉnh Thanh Hóa",
  claimant_phone: "0987654321",
  events: [{ type: "received", date: "2026-03-02" }],
});

describe("Bộ đệm phản hồi: kho LRU có giới hạn", () => {
  const entry = (n: number) => ({ body: Buffer.alloc(n), headers: [], bytes: n });
  test("quá số mục tối đa → bỏ mục dùng lâu nhất; đổi thế hệ dữ liệu → bỏ tất cả", () => {
    const s = new ResponseStore(2, 1_000_000);
    s.sync(1);
    s.set("a", 1, entry(10));
    s.set("b", 1, entry(10));
    assert.ok(s.get("a"), "a vừa được dùng lại");
    s.set("c", 1, entry(10));
    assert.equal(s.get("b"), undefined, "b dùng lâu nhất → bị bỏ");
    assert.ok(s.get("a"));
    assert.ok(s.get("c"));
    s.set("d", 0, entry(10));
    assert.equal(s.get("d"), undefined, "phản hồi tính ở thế hệ cũ không được lưu");
    s.sync(2);
    assert.equal(s.size, 0);
  });
  test("quá số byte tối đa → bỏ bớt; một phản hồi quá lớn (> 1/8 dung lượng) không được lưu", () => {
    const s = new ResponseStore(100, 800);
    s.sync(1);
    s.set("big", 1, entry(101));
    assert.equal(s.get("big"), undefined);
    for (const k of ["a", "b", "c", "d", "e", "f", "g", "h", "i"]) s.set(k, 1, entry(100));
    assert.ok(s.totalBytes <= 800);
    assert.equal(s.get("a"), undefined);
    assert.ok(s.get("i"));
  });
});

for (const engine of availableEngines()) {
  describe(`Bộ đệm phiên, phạm vi và phản hồi — ${engine}`, () => {
    const clock = { t: Date.parse("2026-03-10T02:00:00Z") };
    let fx: Fx;
    let officer: Client;
    let viewer: Client;
    let officerHn: Client;
    let claimTh: string;
    let claimHn: string;

    before(async () => {
      fx = await setup(engine, clock);
      officer = await signIn(fx.app, "officer");
      viewer = await signIn(fx.app, "viewer");
      officerHn = await signIn(fx.app, "officer_hn");
      const a = await officer.post("/api/claims", newClaim("thads-thanh-hoa", "Lê Thị Bình"));
      assert.equal(a.statusCode, 201, a.body);
      claimTh = a.json().id;
      const b = await officerHn.post("/api/claims", newClaim("thads-ha-noi", "Phạm Văn Hà"));
      assert.equal(b.statusCode, 201, b.body);
      claimHn = b.json().id;
    });
    after(async () => {
      await fx.app.close();
      await fx.database.close();
    });

    test("đọc lại cùng địa chỉ được phục vụ từ bộ đệm (x-cache: hit), nội dung giống hệt", async () => {
      const first = await officer.get("/api/claims?page_size=50");
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers["x-cache"], "miss");
      const second = await officer.get("/api/claims?page_size=50");
      assert.equal(second.headers["x-cache"], "hit");
      assert.equal(second.body, first.body);
      assert.equal(second.headers["content-type"], first.headers["content-type"]);
      assert.notEqual(second.headers["x-request-id"], first.headers["x-request-id"], "mã yêu cầu riêng từng lần");
      const d1 = await officer.get(`/api/claims/${claimTh}`);
      const d2 = await officer.get(`/api/claims/${claimTh}`);
      assert.equal(d2.headers["x-cache"], "hit");
      assert.equal(d2.headers.etag, d1.headers.etag, "ETag giữ nguyên khi phục vụ từ bộ đệm");
    });

    test("ghi qua API (tạo vụ việc, ghi sự kiện, sửa) → lần đọc ngay sau thấy thay đổi, danh sách và chi tiết", async () => {
      const before = (await officer.get("/api/claims?page_size=50")).json();
      assert.equal((await officer.get("/api/claims?page_size=50")).headers["x-cache"], "hit");
      const c = await officer.post("/api/claims", newClaim("thads-thanh-hoa", "Nguyễn Văn Mới"));
      assert.equal(c.statusCode, 201, c.body);
      const afterCreate = await officer.get("/api/claims?page_size=50");
      assert.equal(afterCreate.json().total, before.total + 1);
      assert.ok(afterCreate.json().items.some((x: { id: string }) => x.id === c.json().id));

      const d0 = (await officer.get(`/api/claims/${claimTh}`)).json();
      assert.equal((await officer.get(`/api/claims/${claimTh}`)).headers["x-cache"], "hit");
      const ev = await officer.post(`/api/claims/${claimTh}/events`, { type: "file_valid", date: "2026-03-04" });
      assert.equal(ev.statusCode, 201, ev.body);
      const d1 = (await officer.get(`/api/claims/${claimTh}`)).json();
      assert.equal(d1.events.length, d0.events.length + 1);
      assert.equal(d1.state, ev.json().state ?? d1.state);
      const p = await officer.patch(`/api/claims/${claimTh}`, { summary: "Tóm tắt đã sửa", version: d1.version });
      assert.equal(p.statusCode, 200, p.body);
      const d2 = (await officer.get(`/api/claims/${claimTh}`)).json();
      assert.equal(d2.summary, "Tóm tắt đã sửa");
      assert.equal(d2.version, d1.version + 1);
    });

    test("ghi ngoài HTTP trong cùng tiến trình (công việc định kỳ) → bumpDataGeneration() làm mới", async () => {
      await officer.get(`/api/claims/${claimTh}`);
      assert.equal((await officer.get(`/api/claims/${claimTh}`)).headers["x-cache"], "hit");
      await fx.database.db.update(claims).set({ summary: "Sửa bởi công việc nền" }).where(eq(claims.id, claimTh));
      bumpDataGeneration();
      const d = await officer.get(`/api/claims/${claimTh}`);
      assert.equal(d.headers["x-cache"], "miss");
      assert.equal(d.json().summary, "Sửa bởi công việc nền");
    });

    test("phạm vi cơ quan: phản hồi đệm của Thanh Hóa không bao giờ đến người dùng Hà Nội (cùng địa chỉ)", async () => {
      const url = "/api/claims?page_size=50";
      const th = await officer.get(url);
      assert.equal((await officer.get(url)).headers["x-cache"], "hit");
      const hn = await officerHn.get(url);
      assert.equal(hn.statusCode, 200);
      assert.notEqual(hn.headers["x-cache"], "hit");
      const ids = hn.json().items.map((x: { id: string }) => x.id);
      assert.ok(ids.includes(claimHn));
      assert.ok(!ids.includes(claimTh), "vụ việc Thanh Hóa không lọt sang Hà Nội");
      assert.ok(th.json().items.every((x: { id: string }) => x.id !== claimHn));
      // Detail cached for the Thanh Hóa officer: still 404 for Hà Nội.
      await officer.get(`/api/claims/${claimTh}`);
      assert.equal((await officer.get(`/api/claims/${claimTh}`)).headers["x-cache"], "hit");
      assert.equal((await officerHn.get(`/api/claims/${claimTh}`)).statusCode, 404);
      assert.equal((await officerHn.get(`/api/claims/${claimTh}`)).statusCode, 404);
    });

    test("dữ liệu cá nhân: ?reveal=personal không bao giờ được đệm (mỗi lần đều ghi nhật ký); người không có quyền không nhận bản của người có quyền", async () => {
      const reveals = async () =>
        (
          await fx.database.db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.action, "claim.personal_data.read"), eq(auditLog.entityId, claimTh)))
        ).length;
      const n0 = await reveals();
      for (const url of [
        `/api/claims/${claimTh}?reveal=personal`,
        `/api/claims/${claimTh}?reveal=personal`,
        `/api/claims/${claimTh}?reve%61l=personal`,
        `/api/claims/${claimTh}?reve%61l=personal`,
      ]) {
        const r = await officer.get(url);
        assert.equal(r.statusCode, 200);
        assert.equal(r.json().masked, false);
        assert.equal(r.json().claimant_id_number, "038190005678");
        assert.notEqual(r.headers["x-cache"], "hit");
      }
      assert.equal(await reveals(), n0 + 4, "mỗi lần xem thông tin cá nhân đều được ghi nhật ký");
      // Same agency, same URL: the viewer never gets the officer's copy (masked or not).
      for (let i = 0; i < 2; i++) {
        const r = await viewer.get(`/api/claims/${claimTh}`);
        assert.equal(r.json().masked, true);
        assert.equal(r.json().claimant_id_number, "•••••••••678");
      }
      assert.equal((await viewer.get(`/api/claims/${claimTh}?reveal=personal`)).statusCode, 403);
      assert.equal((await viewer.get(`/api/claims/${claimTh}?reve%61l=personal`)).statusCode, 403);
      const masked = await officer.get(`/api/claims/${claimTh}`);
      assert.equal(masked.json().masked, true, "bản che của cán bộ không bị thay bằng bản đã hiện");
    });

    test("xuất Excel (tải tệp) không bao giờ được đệm", async () => {
      const r1 = await officer.get("/api/exports/claims.xlsx");
      const r2 = await officer.get("/api/exports/claims.xlsx");
      for (const r of [r1, r2]) assert.notEqual(r.headers["x-cache"], "hit", `${r.statusCode}`);
    });

    test("ngày (giờ Việt Nam) là một phần của khóa: qua nửa đêm → tính lại; cùng ngày → vẫn dùng bộ đệm", async () => {
      const start = clock.t;
      try {
        clock.t = Date.parse("2026-03-10T16:58:00Z"); // 23:58 ngày 10/3 tại Việt Nam
        const c = await signIn(fx.app, "officer");
        assert.equal((await c.get("/api/dashboard")).headers["x-cache"], "miss");
        assert.equal((await c.get("/api/dashboard")).headers["x-cache"], "hit");
        clock.t = Date.parse("2026-03-10T16:59:30Z"); // 23:59:30, cùng ngày
        assert.equal((await c.get("/api/dashboard")).headers["x-cache"], "hit");
        clock.t = Date.parse("2026-03-10T17:00:30Z"); // 00:00:30 ngày 11/3 tại Việt Nam
        const next = await c.get("/api/dashboard");
        assert.equal(next.statusCode, 200);
        assert.equal(next.headers["x-cache"], "miss");
        assert.equal((await c.get("/api/dashboard")).headers["x-cache"], "hit");
      } finally {
        clock.t = start;
      }
    });

    test("đăng xuất: cookie cũ bị từ chối ngay ở yêu cầu kế tiếp (kể cả địa chỉ đã đệm)", async () => {
      const c = await signIn(fx.app, "officer");
      assert.equal((await c.get("/api/claims?page_size=50")).statusCode, 200);
      assert.equal((await c.get("/api/auth/me")).statusCode, 200);
      const stolen = copyOf(c);
      assert.equal((await stolen.get("/api/auth/me")).statusCode, 200);
      assert.equal((await c.post("/api/auth/logout")).statusCode, 204);
      assert.equal((await stolen.get("/api/auth/me")).statusCode, 401);
      assert.equal((await stolen.get("/api/claims?page_size=50")).statusCode, 401);
      assert.equal((await officer.get("/api/claims?page_size=50")).statusCode, 200, "phiên khác còn hiệu lực");
    });

    test("đổi mật khẩu: mọi phiên khác của người dùng bị thu hồi ngay", async () => {
      const a = await signIn(fx.app, "officer_cuc");
      const b = await signIn(fx.app, "officer_cuc");
      assert.equal((await b.get("/api/claims")).statusCode, 200);
      const r = await a.post("/api/auth/password", {
        current_password: PASSWORD,
        new_password: "mat-khau-moi-cache-1",
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await b.get("/api/claims")).statusCode, 401);
      assert.equal((await a.get("/api/claims")).statusCode, 200, "phiên vừa cấp lại vẫn dùng được");
    });

    test("quản trị đặt lại mật khẩu, khóa tài khoản → phiên của người đó bị từ chối ngay; mở khóa → đăng nhập lại được", async () => {
      const admin = await signIn(fx.app, "agency_admin");
      const v = await signIn(fx.app, "viewer");
      assert.equal((await v.get("/api/claims")).statusCode, 200);
      const reset = await admin.post(`/api/users/${fx.userIds.viewer}/password`, {
        new_password: "mat-khau-dat-lai-1",
      });
      assert.equal(reset.statusCode, 204, reset.body);
      assert.equal((await v.get("/api/claims")).statusCode, 401);
      assert.equal((await viewer.get("/api/claims")).statusCode, 401, "mọi phiên của người xem");

      const p = await signIn(fx.app, "officer_phong");
      assert.equal((await p.get("/api/claims")).statusCode, 200);
      const off = await admin.patch(`/api/users/${fx.userIds.officer_phong}`, { active: false });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal((await p.get("/api/claims")).statusCode, 401);
      assert.equal((await p.get("/api/auth/me")).statusCode, 401);
      assert.equal((await new Client(fx.app).login("officer_phong")).statusCode, 401);
      assert.equal((await admin.patch(`/api/users/${fx.userIds.officer_phong}`, { active: true })).statusCode, 200);
      await signIn(fx.app, "officer_phong");
    });

    test("thêm / bỏ vai trò: phiên đang mở thấy vai trò mới ngay; bỏ vai trò ở cơ quan đang hoạt động → phiên bị thu hồi", async () => {
      const admin = await signIn(fx.app, "agency_admin");
      const p = await signIn(fx.app, "officer_phong");
      assert.deepEqual((await p.get("/api/auth/me")).json().roles, ["officer"]);
      const add = await admin.post(`/api/users/${fx.userIds.officer_phong}/memberships`, {
        agency_id: "phong-thads-kv-tp-thanh-hoa",
        role: "viewer",
      });
      assert.equal(add.statusCode, 200, add.body);
      assert.deepEqual([...(await p.get("/api/auth/me")).json().roles].sort(), ["officer", "viewer"]);
      const del = await admin.delete(
        `/api/users/${fx.userIds.officer_phong}/memberships/phong-thads-kv-tp-thanh-hoa/viewer`,
      );
      assert.equal(del.statusCode, 204, del.body);
      assert.equal((await p.get("/api/auth/me")).statusCode, 401);
    });

    if (engine === "postgres")
      test("PostgreSQL: ghi bởi tiến trình khác (không qua HTTP, không gọi bump) → thấy sau lần kiểm tra mốc commit", async () => {
        // A second app on the same database that checks the commit watermark on every request (pollMs 0).
        const app2 = await buildApp({
          database: fx.database,
          config: {},
          now: () => new Date(clock.t),
          responseCache: { pollMs: 0 },
        });
        try {
          const c = await signIn(app2, "officer");
          await c.get(`/api/claims/${claimTh}`);
          assert.equal((await c.get(`/api/claims/${claimTh}`)).headers["x-cache"], "hit");
          await fx.database.query("update claims set summary = $1 where id = $2", ["Sửa từ CLI", claimTh]);
          const d = await c.get(`/api/claims/${claimTh}`);
          assert.equal(d.json().summary, "Sửa từ CLI");
        } finally {
          await app2.close();
        }
      });
  });
}
