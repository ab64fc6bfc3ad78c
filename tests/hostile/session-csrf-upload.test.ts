// Session fixation, CSRF on every unsafe route, mass assignment, path traversal and oversize evidence uploads
// (issue 7 §3). Extends tests/http/auth.test.ts (which covers: login rotates a VALID old session; missing / wrong /
// other-session CSRF token on logout) — here: attacker-chosen and attacker-owned cookies, every write route, the
// upload directory on disk. Each refused request must leave the database (and DATA_DIR/uploads) unchanged.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { attachments, claims, memberships } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { UPLOAD_LIMIT } from "../../src/http/uploads.ts";
import {
  assertErrorShape,
  Client,
  createObjects,
  type HostileFixture,
  hostileFixture,
  type Objects,
  signedIn,
  tableCounts,
  versionSum,
} from "./fixture.ts";

for (const engine of availableEngines()) {
  describe(`Phiên, CSRF, gán hàng loạt, tải tệp (${engine})`, () => {
    let fx: HostileFixture;
    let dataDir: string;
    let uploads: string;
    let inS: Objects;
    let outS: Objects;
    let officer: Client;
    let agencyAdmin: Client;

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), "btnn-hostile-data-"));
      uploads = join(dataDir, "uploads");
      fx = await hostileFixture(engine, { config: { dataDir } });
      inS = await createObjects(fx.database.db, "in");
      outS = await createObjects(fx.database.db, "out");
      officer = await signedIn(fx.app, "officer");
      agencyAdmin = await signedIn(fx.app, "agency_admin");
    });
    after(async () => {
      await fx.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** Database and upload directory, to compare before / after a refused request. */
    const state = async () => ({
      rows: await tableCounts(fx.database),
      versions: await versionSum(fx.database),
      files: existsSync(uploads) ? readdirSync(uploads).sort() : [],
    });

    describe("Cố định phiên (session fixation)", () => {
      test("cookie phiên do kẻ tấn công đặt sẵn (giá trị tự chọn) không được dùng: đăng nhập cấp mã mới", async () => {
        const planted = Buffer.alloc(32, 7).toString("base64url");
        const c = new Client(fx.app);
        c.cookies.btnn_session = planted;
        c.cookies.btnn_csrf = "csrf-cua-ke-tan-cong";
        assert.equal((await c.login("officer")).statusCode, 200);
        assert.notEqual(c.cookies.btnn_session, planted);
        assert.notEqual(c.cookies.btnn_csrf, "csrf-cua-ke-tan-cong");
        const asPlanted = await fx.app.inject({
          method: "GET",
          url: "/api/auth/me",
          cookies: { btnn_session: planted },
        });
        assert.equal(asPlanted.statusCode, 401);
      });

      test("cookie phiên hợp lệ của chính kẻ tấn công cài vào trình duyệt nạn nhân: sau khi nạn nhân đăng nhập, mã đó không mang danh tính nạn nhân", async () => {
        const attacker = await signedIn(fx.app, "officer_hn");
        const stolen = attacker.cookies.btnn_session;
        const victim = new Client(fx.app);
        victim.cookies.btnn_session = stolen;
        assert.equal((await victim.login("officer")).statusCode, 200);
        assert.notEqual(victim.cookies.btnn_session, stolen);
        const me = await fx.app.inject({ method: "GET", url: "/api/auth/me", cookies: { btnn_session: stolen } });
        if (me.statusCode === 200) assert.equal(me.json().user.username, "officer_hn");
        else assert.equal(me.statusCode, 401);
        assert.equal((await victim.get("/api/auth/me")).json().user.username, "officer");
      });
    });

    describe("CSRF trên mọi đường dẫn ghi", () => {
      const writes = (o: Objects): Array<[string, string, unknown]> => [
        ["POST", "/api/claims", { field: "civil_enforcement", handling_agency_id: o.thads, claimant_name: "CSRF" }],
        ["PATCH", `/api/claims/${o.claim}`, { summary: "CSRF", version: 1 }],
        ["POST", `/api/claims/${o.claim}/events`, { type: "file_valid", date: "2024-03-04" }],
        ["POST", "/api/plans", { agency_id: o.stp, title: "CSRF", year: 2024 }],
        ["PATCH", `/api/task-instances/${o.instance}`, { status: "in_progress", version: 1 }],
        ["POST", `/api/task-instances/${o.instance}/comments`, { body: "CSRF" }],
        ["POST", "/api/requests", { kind: "guidance", from_agency_id: o.stp, to_agency_id: "cuc-btnn", topic: "CSRF" }],
        ["POST", "/api/outgoing", { agency_id: o.stp, year: 2024, doc_kind: "letter", subject: "CSRF" }],
        [
          "POST",
          "/api/auth/password",
          { current_password: "mat-khau-thu-nghiem-1", new_password: "mat-khau-csrf-moi" },
        ],
      ];

      test("không có tiêu đề, tiêu đề sai, mã của phiên khác, cookie CSRF giả khớp tiêu đề → 403, không ghi gì", async () => {
        const other = await signedIn(fx.app, "viewer");
        for (const [method, url, payload] of writes(inS)) {
          const variants: Array<[string, Record<string, string>, Record<string, string>]> = [
            ["không có token", {}, {}],
            ["token sai", { "x-csrf-token": "sai" }, {}],
            ["token của phiên khác", { "x-csrf-token": other.csrf! }, {}],
            [
              "cookie + tiêu đề cùng giá trị giả",
              { "x-csrf-token": "gia-mao-ca-hai" },
              { btnn_csrf: "gia-mao-ca-hai" },
            ],
            [
              "token của phiên khác ở cả cookie và tiêu đề",
              { "x-csrf-token": other.csrf! },
              { btnn_csrf: other.csrf! },
            ],
          ];
          for (const [label, headers, cookies] of variants) {
            const before = await state();
            const r = await officer.request({
              method: method as "POST",
              url,
              payload: payload as object,
              csrf: false,
              headers: { "content-type": "application/json", ...headers },
              cookies,
            });
            const where = `${method} ${url} (${label}) → ${r.statusCode} ${r.body.slice(0, 200)}`;
            assert.equal(r.statusCode, 403, where);
            assertErrorShape(r.json(), where);
            assert.equal(r.json().code, "csrf", where);
            assert.deepEqual(await state(), before, where);
          }
        }
      });
    });

    describe("Gán hàng loạt (mass assignment)", () => {
      test("trường hệ thống trong thân tạo/sửa (id, created_by, status, số sổ, agency khác, role) → bị từ chối, không có hiệu lực", async () => {
        const cases: Array<[Client, string, string, unknown]> = [
          [
            officer,
            "POST",
            "/api/claims",
            {
              field: "civil_enforcement",
              handling_agency_id: inS.thads,
              claimant_name: "Gán hàng loạt",
              id: outS.claim,
              created_by: fx.userIds.sysadmin,
              state: "closed",
              status: "paid",
            },
          ],
          [officer, "PATCH", `/api/claims/${inS.claim}`, { handling_agency_id: outS.thads, version: 1 }],
          [officer, "PATCH", `/api/claims/${inS.claim}`, { managing_agency_id: outS.stp, version: 1 }],
          [officer, "PATCH", `/api/claims/${inS.claim}`, { version: 1, id: outS.claim }],
          [officer, "PATCH", `/api/claims/${inS.claim}`, { version: 1, created_by: fx.userIds.officer_hn }],
          [officer, "POST", "/api/plans", { agency_id: outS.stp, title: "KH của tỉnh khác", year: 2024 }],
          [officer, "PATCH", `/api/plans/${inS.plan}`, { agency_id: outS.stp, version: 1 }],
          [officer, "PATCH", `/api/task-instances/${inS.instance}`, { agency_id: outS.thads, version: 1 }],
          [officer, "PATCH", `/api/requests/${inS.request}`, { from_agency_id: outS.stp, version: 1 }],
          [
            officer,
            "POST",
            "/api/outgoing",
            { agency_id: inS.stp, year: 2024, doc_kind: "letter", subject: "Số tự chọn", number: 1, seq: 1 },
          ],
          [
            officer,
            "POST",
            "/api/outgoing",
            { agency_id: outS.stp, year: 2024, doc_kind: "letter", subject: "Tỉnh khác" },
          ],
          [
            officer,
            "POST",
            "/api/plans/import",
            { text: "KẾ HOẠCH\nCông tác BTNN năm 2024\nI. NHIỆM VỤ\n1. Tập huấn", agency_id: outS.stp, confirm: true },
          ],
          [
            agencyAdmin,
            "POST",
            "/api/users",
            {
              username: "gan-hang-loat",
              full_name: "Tự nâng quyền",
              password: "mat-khau-dai-du-roi",
              memberships: [{ agency_id: inS.stp, role: "system_admin" }],
            },
          ],
          [
            agencyAdmin,
            "POST",
            "/api/users",
            {
              username: "gan-hang-loat-2",
              full_name: "Sang tỉnh khác",
              password: "mat-khau-dai-du-roi",
              memberships: [{ agency_id: outS.stp, role: "officer" }],
            },
          ],
          [
            agencyAdmin,
            "POST",
            `/api/users/${fx.userIds.officer}/memberships`,
            { agency_id: inS.stp, role: "system_admin" },
          ],
          [
            agencyAdmin,
            "POST",
            `/api/users/${fx.userIds.officer}/memberships`,
            { agency_id: "cuc-btnn", role: "officer" },
          ],
          [
            officer,
            "POST",
            "/api/users",
            {
              username: "gan-hang-loat-3",
              full_name: "Cán bộ tự tạo tài khoản",
              password: "mat-khau-dai-du-roi",
              memberships: [{ agency_id: inS.stp, role: "agency_admin" }],
            },
          ],
        ];
        for (const [client, method, url, payload] of cases) {
          const before = await state();
          const r = await client.request({ method: method as "POST", url, payload: payload as object });
          const where = `${method} ${url} ${JSON.stringify(payload).slice(0, 160)} → ${r.statusCode} ${r.body.slice(0, 200)}`;
          assert.ok(r.statusCode >= 400 && r.statusCode < 500, where);
          assertErrorShape(r.json(), where);
          assert.deepEqual(await state(), before, where);
        }
        const [c] = await fx.database.db.select().from(claims).where(eq(claims.id, inS.claim));
        assert.equal(c.handlingAgencyId, inS.thads);
        const roles = await fx.database.db.select().from(memberships).where(eq(memberships.userId, fx.userIds.officer));
        assert.deepEqual(
          roles.map((m) => `${m.agencyId}/${m.role}`),
          ["stp-thanh-hoa/officer"],
        );
      });

      test("đăng nhập chọn cơ quan không có vai trò (agency_id của tỉnh khác) → không được phạm vi tỉnh khác", async () => {
        const c = new Client(fx.app);
        const r = await c.post("/api/auth/login", {
          username: "officer",
          password: "mat-khau-thu-nghiem-1",
          agency_id: "stp-ha-noi",
        });
        if (r.statusCode === 200) {
          const me = (await c.get("/api/auth/me")).json();
          assert.equal(me.agency_id, "stp-thanh-hoa");
          assert.ok(!me.scope.includes("stp-ha-noi"));
        } else {
          assert.ok(r.statusCode >= 400 && r.statusCode < 500);
          assertErrorShape(r.json(), "login agency_id");
        }
      });
    });

    describe("Tải tệp minh chứng: đường dẫn độc hại, quá cỡ", () => {
      const upload = (client: Client, instance: string, name: string, bytes: Buffer) =>
        client.request({
          method: "POST",
          url: `/api/task-instances/${instance}/evidence?file_name=${encodeURIComponent(name)}`,
          payload: bytes,
          headers: { "content-type": "application/octet-stream" },
        });

      const NAMES = [
        "../../etc/passwd",
        "../../../../../../tmp/btnn-owned.txt",
        "/etc/passwd",
        "C:\\Windows\\System32\\drivers\\etc\\hosts",
        "..\\..\\..\\btnn.lock",
        "....//....//x.pdf",
        "%2e%2e%2f%2e%2e%2fx.txt",
        `${"a".repeat(250)}.pdf`,
        "báo cáo\r\nX-Injected: 1.pdf",
        "tệp.PDF.exe",
        ".htaccess",
        "con.txt",
        '"; filename=evil.html',
      ];

      test("tên tệp chứa ../, đường dẫn tuyệt đối, \\ của Windows, CRLF… → tệp nằm trong DATA_DIR/uploads với tên an toàn; tải về đúng nội dung (đuôi ngoài danh sách cho phép → 415)", async () => {
        let accepted = 0;
        for (const name of NAMES) {
          const bytes = Buffer.from(`${/\.pdf$/i.test(name) ? "%PDF-1.4 " : ""}nội dung ${name}`);
          const before = await state();
          const r = await upload(officer, inS.instance, name, bytes);
          if (!/\.(pdf|txt)$/i.test(name)) {
            // No extension, .exe, .htaccess, .html …: outside the allow-list (src/domain/files/allowed-types.ts).
            assert.equal(r.statusCode, 415, `${name}: ${r.body.slice(0, 200)}`);
            assert.equal(r.json().code, "file_type");
            assert.deepEqual(await state(), before, name);
            continue;
          }
          accepted++;
          assert.equal(r.statusCode, 201, `${name}: ${r.body.slice(0, 200)}`);
          const [row] = await fx.database.db
            .select()
            .from(attachments)
            .where(
              eq(attachments.sha256, (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex")),
            );
          assert.ok(row, name);
          assert.match(
            row.storedName ?? "",
            /^[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/,
            `${name}: stored as ${row.storedName}`,
          );
          assert.ok(resolve(uploads, row.storedName!).startsWith(`${resolve(uploads)}/`));
          assert.ok(!/[/\\\r\n\0]/.test(row.fileName), `${name}: kept name ${JSON.stringify(row.fileName)}`);
          const d = await officer.get(`/api/attachments/${row.id}`);
          assert.equal(d.statusCode, 200);
          assert.deepEqual(d.rawPayload, bytes);
          const cd = String(d.headers["content-disposition"]);
          assert.ok(!/[\r\n]/.test(cd) && cd.startsWith("attachment;"), cd);
          assert.ok(!/\.html"/.test(cd.split(";")[1] ?? ""), cd);
        }
        assert.equal(accepted, 6);
        assert.ok(!existsSync("/tmp/btnn-owned.txt"));
        assert.ok(
          readdirSync(dataDir).every((f) => f === "uploads"),
          "nothing written beside uploads/",
        );
      });

      test("tên tệp có ký tự NUL hoặc dài hơn 255 ký tự → 400 nêu file_name, không ghi gì", async () => {
        for (const name of ["a\u0000.txt", `${"ư".repeat(300)}.pdf`, ""]) {
          const before = await state();
          const r = await upload(officer, inS.instance, name, Buffer.from("x"));
          assert.equal(r.statusCode, 400, `${JSON.stringify(name)}: ${r.body.slice(0, 200)}`);
          assertErrorShape(r.json(), name);
          assert.ok(r.json().issues.some((i: { path: string }) => i.path === "/file_name"));
          assert.deepEqual(await state(), before);
        }
      });

      test(`tệp lớn hơn ${UPLOAD_LIMIT / 1048576} MiB → 413 tiếng Việt, không ghi gì (cả CSDL lẫn thư mục tải lên)`, async () => {
        const before = await state();
        const r = await upload(officer, inS.instance, "lon.pdf", Buffer.alloc(UPLOAD_LIMIT + 1, 0x25));
        assert.equal(r.statusCode, 413);
        assertErrorShape(r.json(), "413");
        assert.equal(r.json().code, "body_too_large");
        assert.deepEqual(await state(), before);
      });

      test("tải lên nhiệm vụ của tỉnh khác (IDOR) → 404 và không để lại tệp mồ côi trên đĩa", async () => {
        const before = await state();
        const r = await upload(officer, outS.instance, "idor.pdf", Buffer.from("%PDF-1.4 idor"));
        assert.equal(r.statusCode, 404, r.body);
        assertErrorShape(r.json(), "idor upload");
        assert.deepEqual(await state(), before);
      });

      test("người xem (viewer) tải lên → 403, không để lại tệp", async () => {
        const viewer = await signedIn(fx.app, "viewer");
        const before = await state();
        const r = await upload(viewer, inS.instance, "xem.pdf", Buffer.from("%PDF-1.4 viewer"));
        assert.equal(r.statusCode, 403, r.body);
        assert.deepEqual(await state(), before);
      });
    });
  });
}
