// Issue 13, findings 10, 11 and 13 (low): password guessing counted atomically (per account, per address, on password
// change), JSON nesting limited at the edge, text normalised once for every route. On both engines: the counting and
// the "nothing stored" checks depend on the database.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { claims, loginAttempts } from "../../src/db/schema/index.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { THROTTLE_MAX_FAILURES, THROTTLE_MAX_FAILURES_PER_ADDRESS } from "../../src/http/auth-store.ts";
import { MAX_JSON_DEPTH } from "../../src/http/validation.ts";
import {
  assertErrorShape,
  Client,
  type HostileFixture,
  hostileFixture,
  PASSWORD,
  signedIn,
  tableCounts,
} from "./fixture.ts";

const VI = /[\u00C0-\u1EF9]/u;

/** A claim body that is valid as is. */
const CLAIM = {
  field: "civil_enforcement",
  handling_agency_id: "thads-thanh-hoa",
  claimant_name: "Nguyễn Văn Thử",
  events: [{ type: "received", date: "2024-03-01" }],
};

/** `depth` levels of alternating objects and arrays around a string, as JSON text (JSON.stringify would overflow). */
function nested(depth: number): string {
  let open = "";
  let close = "";
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? "[" : '{"a":';
    close = (i % 2 ? "]" : "}") + close;
  }
  return `${open}"đáy"${close}`;
}

for (const engine of availableEngines()) {
  describe(`Nhập liệu thù địch: đăng nhập, JSON lồng sâu, chuẩn hóa văn bản (${engine})`, () => {
    let fx: HostileFixture;
    let officer: Client;

    before(async () => {
      fx = await hostileFixture(engine);
      officer = await signedIn(fx.app, "officer");
    });
    after(() => fx.close());

    /** One wrong (or right) password from `ip`, as a fresh browser. */
    const login = (username: string, password: string, ip: string) =>
      fx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: ip,
        payload: { username, password },
      });

    describe("Phát hiện 10: giới hạn đăng nhập sai được đếm nguyên tử", () => {
      test("20 mật khẩu sai gửi đồng thời, giới hạn 5 → tối đa 5 lần 401, còn lại 429 có Retry-After, tiếng Việt", async () => {
        const ip = "10.10.0.1";
        const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => login("viewer", `sai-${i}-mat-khau`, ip)));
        const codes = rs.map((r) => r.statusCode);
        const n401 = codes.filter((c) => c === 401).length;
        assert.ok(n401 <= THROTTLE_MAX_FAILURES, `${n401}×401: ${codes.join(",")}`);
        assert.equal(codes.filter((c) => c === 429).length, 20 - n401, codes.join(","));
        // Attempts still in flight count too, so the burst may stop before 5 guesses; the rest go one by one.
        let more = 0;
        for (; more < THROTTLE_MAX_FAILURES; more++) {
          const r = await login("viewer", `tiep-${more}-mat-khau`, ip);
          if (r.statusCode === 429) break;
          assert.equal(r.statusCode, 401);
        }
        assert.ok(n401 + more <= THROTTLE_MAX_FAILURES, `${n401} + ${more} lần 401`);
        const limited = rs.find((r) => r.statusCode === 429);
        assert.ok(limited);
        assert.ok(Number(limited.headers["retry-after"]) > 0);
        assertErrorShape(limited.json(), "429");
        assert.equal(limited.json().code, "too_many_attempts");
        // The right password is refused too while the account is locked from this address…
        assert.equal((await login("viewer", PASSWORD, ip)).statusCode, 429);
        // …but not from another address.
        assert.equal((await login("viewer", PASSWORD, "10.10.0.2")).statusCode, 200);
        // Only real guesses are stored (the refused ones checked no password).
        const rows = await fx.database.db.select().from(loginAttempts).where(eq(loginAttempts.ip, ip));
        assert.equal(rows.filter((r) => !r.success).length, n401 + more);
      });

      test("giới hạn theo địa chỉ trên nhiều tài khoản: quá nhiều lần sai từ một máy → 429 cho mọi tài khoản", async () => {
        const ip = "10.10.1.1";
        const rs = await Promise.all(
          Array.from({ length: THROTTLE_MAX_FAILURES_PER_ADDRESS + 4 }, (_, i) =>
            login(`khong-co-${i % 10}`, `sai-${i}`, ip),
          ),
        );
        let n401 = rs.filter((r) => r.statusCode === 401).length;
        for (let i = 0; n401 <= THROTTLE_MAX_FAILURES_PER_ADDRESS; i++) {
          const r = await login(`khong-co-nua-${i}`, "sai", ip);
          if (r.statusCode === 429) break;
          n401++;
        }
        assert.ok(n401 <= THROTTLE_MAX_FAILURES_PER_ADDRESS, `${n401}×401`);
        // A real account with the right password is refused from that address, with the address-wide message.
        const r = await login("officer_cuc", PASSWORD, ip);
        assert.equal(r.statusCode, 429, r.body);
        assert.match(r.json().error, /nhiều tài khoản/);
        assert.ok(Number(r.headers["retry-after"]) > 0);
        assert.equal((await login("officer_cuc", PASSWORD, "10.10.1.2")).statusCode, 200);
      });

      test("đổi mật khẩu: sai mật khẩu hiện tại cũng bị giới hạn (5 lần → 429, kể cả đúng), không đổi được", async () => {
        const c = await signedIn(fx.app, "officer_phong");
        const change = (current: string) =>
          c.post("/api/auth/password", { current_password: current, new_password: "mat-khau-moi-rat-dai-1" });
        const rs = await Promise.all(Array.from({ length: 8 }, (_, i) => change(`sai-${i}-mat-khau`)));
        const codes = rs.map((r) => r.statusCode);
        assert.ok(codes.filter((x) => x === 422).length <= THROTTLE_MAX_FAILURES, codes.join(","));
        assert.ok(codes.includes(429), codes.join(","));
        let n422 = codes.filter((x) => x === 422).length;
        for (let i = 0; n422 <= THROTTLE_MAX_FAILURES; i++) {
          const r = await change(`tiep-${i}-mat-khau`);
          if (r.statusCode === 429) break;
          n422++;
        }
        assert.ok(n422 <= THROTTLE_MAX_FAILURES, `${n422}×422`);
        const right = await change(PASSWORD);
        assert.equal(right.statusCode, 429, right.body);
        assert.match(right.json().error, VI);
        assert.ok(Number(right.headers["retry-after"]) > 0);
        // The password did not change: the old one still signs in (from another address).
        const other = new Client(fx.app);
        const r = await other.request({
          method: "POST",
          url: "/api/auth/login",
          remoteAddress: "10.10.2.2",
          payload: { username: "officer_phong", password: PASSWORD },
        });
        assert.equal(r.statusCode, 200);
      });
    });

    describe("Phát hiện 11: JSON lồng quá sâu bị chặn ở biên (400 nêu trường), không bao giờ được lưu", () => {
      for (const depth of [5000, 1000, MAX_JSON_DEPTH + 1]) {
        test(`${depth} cấp trong events[0].data → 400 nêu /events/0/data…, không ghi gì`, async () => {
          const payload = JSON.stringify({
            ...CLAIM,
            events: [{ type: "received", date: "2024-03-01", data: { x: "@" } }],
          }).replace('"@"', nested(depth));
          assert.ok(payload.length < 1024 * 1024);
          const before = await tableCounts(fx.database);
          const r = await officer.request({
            method: "POST",
            url: "/api/claims",
            payload,
            headers: { "content-type": "application/json" },
          });
          assert.equal(r.statusCode, 400, r.body.slice(0, 300));
          const e = r.json();
          assertErrorShape(e, "deep");
          assert.equal(e.code, "invalid_input");
          assert.ok(
            e.issues.some((i) => i.path.startsWith("/events/0/data/x") && /lồng nhau quá sâu/.test(i.message)),
            JSON.stringify(e.issues).slice(0, 300),
          );
          assert.deepEqual(await tableCounts(fx.database), before);
        });
      }

      test(`${MAX_JSON_DEPTH - 5} cấp vẫn được nhận (giới hạn không chặn dữ liệu bình thường)`, async () => {
        const body = {
          ...CLAIM,
          events: [{ type: "received", date: "2024-03-01", data: { x: JSON.parse(nested(MAX_JSON_DEPTH - 5)) } }],
        };
        // The step's own rules may refuse the data (422), but never as too deep.
        const r = await officer.post("/api/claims", body);
        assert.ok(r.statusCode < 500, r.body.slice(0, 300));
        assert.doesNotMatch(r.body, /lồng nhau quá sâu/);
      });
    });

    describe("Phát hiện 13: chuẩn hóa văn bản (NFC, ký tự vô hình, điều khiển hướng), CCCD, điện thoại, số tiền", () => {
      const create = (extra: Record<string, unknown>) => officer.post("/api/claims", { ...CLAIM, ...extra });
      const stored = async (id: string) => {
        const [row] = await fx.database.db.select().from(claims).where(eq(claims.id, id));
        return row;
      };
      const refused = async (extra: Record<string, unknown>, path: string, message: RegExp) => {
        const before = await tableCounts(fx.database);
        const r = await create(extra);
        assert.equal(r.statusCode, 400, `${JSON.stringify(extra)} → ${r.body}`);
        const e = r.json();
        assertErrorShape(e, path);
        const issue = e.issues.find((i) => i.path === path);
        assert.ok(issue, `${path} not named: ${r.body}`);
        assert.match(issue.message, message);
        assert.deepEqual(await tableCounts(fx.database), before);
      };

      test("tên dạng NFD được lưu dạng NFC; khoảng trắng và ký tự rộng 0 ở hai đầu bị bỏ", async () => {
        const nfd = "Lê Thị Hồng".normalize("NFD");
        assert.notEqual(nfd, "Lê Thị Hồng");
        const r = await create({
          claimant_name: `\u200b ${nfd}\u200b\ufeff `,
          code: `BT-Hóa-${engine}`.normalize("NFD"),
        });
        assert.equal(r.statusCode, 201, r.body);
        const row = await stored(r.json().id);
        assert.equal(row.claimantName, "Lê Thị Hồng");
        assert.equal(row.code, `BT-Hóa-${engine}`);
        // The same code typed in NFC is the same code: refused as a duplicate, not a second record.
        const again = await create({ code: `BT-Hóa-${engine}` });
        assert.equal(again.statusCode, 409, again.body);
      });

      test("tên chỉ gồm ký tự vô hình → 400 nêu trường", async () => {
        await refused({ claimant_name: "\u200b\u200c\ufeff" }, "/claimant_name", /vô hình/);
        await refused({ summary: "\u2060\u00ad" }, "/summary", /vô hình/);
      });

      test("ký tự điều khiển hướng văn bản (U+202E, U+2066) trong tên / mã → 400 nêu trường", async () => {
        await refused({ claimant_name: "Nguyễn \u202eniV" }, "/claimant_name", /hướng văn bản/);
        await refused({ code: "BT\u2066-01" }, "/code", /hướng văn bản/);
      });

      test("CCCD: đúng 12 chữ số (khoảng trắng được bỏ); 11 chữ số hoặc có chữ → 400", async () => {
        const ok = await create({ claimant_id_number: "038 090 001 234" });
        assert.equal(ok.statusCode, 201, ok.body);
        assert.equal((await stored(ok.json().id)).claimantIdNumber, "038090001234");
        await refused({ claimant_id_number: "03809000123" }, "/claimant_id_number", /12 chữ số/);
        await refused({ claimant_id_number: "03809000123A" }, "/claimant_id_number", /12 chữ số/);
      });

      test("điện thoại Việt Nam: +84 được đọc là 0; số sai đầu số hoặc độ dài → 400", async () => {
        const ok = await create({ claimant_phone: "+84 912.345.678" });
        assert.equal(ok.statusCode, 201, ok.body);
        assert.equal((await stored(ok.json().id)).claimantPhone, "0912345678");
        await refused({ claimant_phone: "091234567" }, "/claimant_phone", /điện thoại/);
        await refused({ claimant_phone: "0112345678" }, "/claimant_phone", /điện thoại/);
        await refused({ claimant_phone: "gọi tôi" }, "/claimant_phone", /điện thoại/);
      });

      test("số tiền: số nguyên không âm (đồng); chuỗi, số lẻ, số âm → 400, không bao giờ thành 0", async () => {
        await refused({ amount_requested: "1.000.000" }, "/amount_requested", /cần số/);
        await refused({ amount_requested: 1500.5 }, "/amount_requested", /số nguyên/);
        await refused({ amount_requested: -1 }, "/amount_requested", /không được âm/);
        const ok = await create({ amount_requested: 15_000_000 });
        assert.equal(ok.statusCode, 201, ok.body);
        assert.equal(Number((await stored(ok.json().id)).amountRequested), 15_000_000);
      });

      test("mật khẩu không bị chuẩn hóa (so khớp nguyên văn)", async () => {
        // A password with a trailing space is a different password: trimming it would weaken it silently.
        const r = await login("officer", `${PASSWORD} `, "10.10.3.1");
        assert.equal(r.statusCode, 401);
      });
    });
  });
}
