// Hostile tests of the public portal (issue 15, "Abuse and privacy"): receipt-code enumeration is bounded per code
// (every typed code counts, existing or not) and per address; oversized and wrong-type uploads, script/markup in every
// text field, flooding and the honeypot are each refused with a Vietnamese message naming the field — and a refused
// request writes nothing (public_submissions, its files and steps, upload_blobs, audit_log, the attempt counters).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";
import { findByCodeAndFactor } from "../../src/db/repositories/public-submissions.ts";
import { availableEngines } from "../../src/db/testing.ts";
import { RECEIPT_ALPHABET } from "../../src/domain/portal/index.ts";
import { docxText } from "../documents/helpers.ts";
import { SUBMISSION } from "../http/public-submission-fixture.ts";
import { assertErrorShape, type HostileFixture, hostileFixture } from "./fixture.ts";

const LIMITS = { perCode: 3, perAddress: 6, submissionsPerAddress: 3, requestsPerMinute: 40 };
const PUBLIC_TABLES = [
  "public_submissions",
  "public_submission_files",
  "public_submission_steps",
  "public_attempts",
  "upload_blobs",
  "attachments",
  "audit_log",
  "claims",
] as const;

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(document.cookie)>',
  "</w:t></w:r></w:p><w:p><w:r><w:t>chèn XML",
  "javascript:alert(1)",
  "'; drop table public_submissions; --",
];

/** Distinct documentation addresses (RFC 5737), so only the cap under test applies. */
let nextIp = 1;
const freshIp = () => `198.51.${100 + Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

const b64 = (b: Buffer) => b.toString("base64");
const MZ = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(256, 0)]);
const PDF = (n: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(n - 9, 0x20)]);

for (const engine of availableEngines()) {
  describe(`Cổng công dân: thử tấn công các đường dẫn công khai (${engine})`, { concurrency: false }, () => {
    let fx: HostileFixture;
    let code = "";
    before(async () => {
      fx = await hostileFixture(engine, {
        // Thu 03/12/2026, 10:00 in Vietnam.
        app: { now: () => new Date("2026-12-03T03:00:00Z"), publicLimits: LIMITS },
      });
      const r = await post("/api/public/submissions", SUBMISSION, freshIp());
      assert.equal(r.statusCode, 201, r.body);
      code = r.json().code;
    });
    after(() => fx?.close());

    const post = (url: string, payload: unknown, ip: string) =>
      fx.app.inject({ method: "POST", url, payload: payload as object, remoteAddress: ip });
    const counts = async () => {
      const sql = `select ${PUBLIC_TABLES.map((t) => `(select count(*)::int from ${t}) as "${t}"`).join(", ")}`;
      const [row] = await fx.database.query<Record<string, number>>(sql);
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    };
    /** A refusal: the status, a Vietnamese error naming `field` (JSON pointer prefix), nothing written. */
    async function refused(
      send: () => Promise<{ statusCode: number; json(): unknown; body: string }>,
      status: number | number[],
      field?: string,
    ) {
      const before = await counts();
      const r = await send();
      assert.ok([status].flat().includes(r.statusCode), `${r.statusCode} ∉ ${status}: ${r.body.slice(0, 400)}`);
      const body = r.json();
      assertErrorShape(body, r.body.slice(0, 200));
      if (field)
        assert.ok(
          body.issues.some((i) => i.path === field || i.path.startsWith(`${field}/`)),
          `trường ${field} không được nêu: ${JSON.stringify(body.issues)}`,
        );
      const { public_attempts: _a, ...after } = await counts();
      const { public_attempts: _b, ...was } = before;
      assert.deepEqual(after, was, "không được ghi gì");
      return body;
    }

    describe("(a) dò mã hồ sơ", () => {
      test("mã ngẫu nhiên ≥ 10 ký tự trong bảng chữ dễ đọc, mỗi lần gửi một mã khác", async () => {
        const again = await post("/api/public/submissions", { ...SUBMISSION, attachments: [] }, freshIp());
        assert.equal(again.statusCode, 201, again.body);
        for (const c of [code, again.json().code]) {
          assert.ok(c.length >= 10, c);
          for (const ch of c) assert.ok(RECEIPT_ALPHABET.includes(ch), `${ch} ngoài bảng chữ`);
        }
        assert.notEqual(again.json().code, code);
      });

      test("so sánh yếu tố thứ hai bằng timingSafeEqual trên giá trị băm, kể cả khi mã không tồn tại (băm giả)", () => {
        const src = findByCodeAndFactor.toString();
        assert.match(src, /timingSafeEqual\(/);
        assert.match(src, /DUMMY_HASH/, "mã không tồn tại vẫn băm và so sánh (thời gian như nhau)");
      });

      test("giới hạn theo mã: mã có thật và mã không tồn tại bị chặn ở cùng lần thử (không phân biệt được), 429 tiếng Việt", async () => {
        const ghost = "ABCDEFGHJKMN";
        assert.notEqual(ghost, code);
        const seq = async (c: string) => {
          const out: number[] = [];
          const bodies: string[] = [];
          for (let i = 0; i < LIMITS.perCode + 2; i++) {
            // Typed as people do (lower case, dashes): the same code for the counter.
            const typed = i % 2 ? c.toLowerCase() : `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
            const r = await post("/api/public/status", { code: typed, factor: `09000000${10 + i}` }, freshIp());
            out.push(r.statusCode);
            bodies.push(JSON.stringify({ ...r.json(), issues: undefined }));
            if (r.statusCode === 429) {
              assertErrorShape(r.json(), "429");
              assert.match(r.json().error, /thử quá nhiều lần/);
              assert.ok(Number(r.headers["retry-after"]) > 0, "Retry-After");
            }
          }
          return { out, bodies };
        };
        const real = await seq(code);
        const fake = await seq(ghost);
        const want = [...Array(LIMITS.perCode).fill(404), 429, 429];
        assert.deepEqual(real.out, want);
        assert.deepEqual(fake.out, want);
        assert.deepEqual(real.bodies, fake.bodies, "cùng câu trả lời cho mã có thật và mã không tồn tại");
        // Locked for everyone for the window — even the right factor, and the receipt download shares the counter.
        const right = await post("/api/public/status", { code, factor: "0912345678" }, freshIp());
        assert.equal(right.statusCode, 429);
        const pdf = await fx.app.inject({
          method: "GET",
          url: `/api/public/submissions/${code}/receipt.pdf?factor=0912345678`,
          remoteAddress: freshIp(),
        });
        assert.equal(pdf.statusCode, 429);
      });

      test("giới hạn theo địa chỉ: nhiều mã khác nhau từ một địa chỉ → 429 sau giới hạn; địa chỉ chỉ lưu dạng băm", async () => {
        const ip = "203.0.113.77";
        const statuses: number[] = [];
        for (let i = 0; i < LIMITS.perAddress + 2; i++) {
          const c = Array.from(
            { length: 12 },
            (_, k) => RECEIPT_ALPHABET[(i * 7 + k * 3) % RECEIPT_ALPHABET.length],
          ).join("");
          statuses.push((await post("/api/public/status", { code: c, factor: "1234" }, ip)).statusCode);
        }
        assert.deepEqual(statuses, [...Array(LIMITS.perAddress).fill(404), 429, 429]);
        const rows = await fx.database.query<{ address_hash: string }>("select address_hash from public_attempts");
        assert.ok(rows.length > 0 && rows.every((r) => !r.address_hash.includes("203.0.113")));
      });

      test("IPv6: cả dải /64 là một địa chỉ (kẻ dò không đổi địa chỉ trong dải để né giới hạn)", async () => {
        const statuses: number[] = [];
        for (let i = 0; i < LIMITS.perAddress + 1; i++) {
          const c = Array.from({ length: 12 }, (_, k) => RECEIPT_ALPHABET[(i * 5 + k * 11 + 3) % 31]).join("");
          const r = await post(
            "/api/public/status",
            { code: c, factor: "1234" },
            `2001:db8:7:9::${(i + 1).toString(16)}`,
          );
          statuses.push(r.statusCode);
        }
        assert.deepEqual(statuses, [...Array(LIMITS.perAddress).fill(404), 429]);
      });
    });

    describe("(b) tệp quá lớn, sai loại", () => {
      const withFile = (file: { file_name: string; content_base64: string }, extra: object[] = []) => ({
        ...SUBMISSION,
        attachments: [{ kind: "evidence", title: "Tài liệu", ...file }, ...extra],
      });

      test(".exe đổi tên .pdf → 415 nêu trường, không ghi gì", async () => {
        const b = await refused(
          () =>
            post(
              "/api/public/submissions",
              withFile({ file_name: "quyet-dinh.pdf", content_base64: b64(MZ) }),
              freshIp(),
            ),
          415,
          "/attachments/0/content_base64",
        );
        assert.match(b.error, /không phải PDF/);
      });

      test("tên tệp thực thi, trang web, SVG → 415 nêu tên tệp", async () => {
        for (const [name, bytes] of [
          ["cai-dat.exe", MZ],
          ["trang.html", Buffer.from("<script>alert(1)</script>")],
          ["anh.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
        ] as const)
          await refused(
            () =>
              post(
                "/api/public/submissions",
                withFile({ file_name: name, content_base64: b64(Buffer.from(bytes)) }, [
                  {
                    kind: "evidence",
                    title: "Ảnh",
                    file_name: "anh.png",
                    content_base64: SUBMISSION.attachments[1].content_base64,
                  },
                ]),
                freshIp(),
              ),
            415,
            "/attachments/0/file_name",
          );
      });

      test("tệp thứ hai sai loại: tệp thứ nhất hợp lệ cũng không được lưu", async () => {
        await refused(
          () =>
            post(
              "/api/public/submissions",
              {
                ...SUBMISSION,
                attachments: [
                  SUBMISSION.attachments[0],
                  { kind: "evidence", title: "X", file_name: "x.png", content_base64: b64(MZ) },
                ],
              },
              freshIp(),
            ),
          415,
          "/attachments/1/content_base64",
        );
      });

      test("một tệp quá 5 MB → 422 tiếng Việt nêu tệp; tổng quá 10 MB → nêu danh sách tệp", async () => {
        const big = await refused(
          () =>
            post(
              "/api/public/submissions",
              withFile({ file_name: "lon.pdf", content_base64: b64(PDF(5 * 1024 * 1024 + 1)) }),
              freshIp(),
            ),
          422,
          "/attachments/0/content_base64",
        );
        assert.match(big.error, /5 MB/);
        const five = b64(PDF(5 * 1024 * 1024));
        const total = await refused(
          () =>
            post(
              "/api/public/submissions",
              withFile({ file_name: "a.pdf", content_base64: five }, [
                { kind: "evidence", title: "B", file_name: "b.pdf", content_base64: five },
                { kind: "evidence", title: "C", file_name: "c.pdf", content_base64: b64(PDF(100)) },
              ]),
              freshIp(),
            ),
          422,
          "/attachments",
        );
        assert.match(total.error, /10 MB/);
      });

      test("thân yêu cầu vượt trần (tệp nhét quá lớn) → 413 tiếng Việt, không ghi gì", async () => {
        const huge = "A".repeat(16 * 1024 * 1024);
        await refused(
          () => post("/api/public/submissions", withFile({ file_name: "x.pdf", content_base64: huge }), freshIp()),
          413,
        );
      });

      test("quá 5 tệp → 400 nêu attachments, không ghi gì", async () => {
        const six = Array.from({ length: 6 }, (_, i) => ({ ...SUBMISSION.attachments[0], file_name: `t${i}.pdf` }));
        await refused(
          () => post("/api/public/submissions", { ...SUBMISSION, attachments: six }, freshIp()),
          400,
          "/attachments",
        );
      });

      test("“bom zip” đặt tên .docx: máy chủ không giải nén tệp nhận được — lưu đúng số byte đã gửi", async () => {
        const zip = new JSZip();
        zip.file("word/document.xml", Buffer.alloc(30 * 1024 * 1024, 0x41));
        const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
        assert.ok(bomb.length < 200 * 1024);
        const r = await post(
          "/api/public/submissions",
          { ...withFile({ file_name: "don.docx", content_base64: b64(bomb) }), kind: "claim" },
          freshIp(),
        );
        assert.equal(r.statusCode, 201, r.body);
        const [f] = await fx.database.query<{ size: number }>(
          "select f.size from public_submission_files f join public_submissions s on s.id = f.submission_id where s.code = $1",
          [r.json().code],
        );
        assert.equal(Number(f.size), bomb.length);
      });
    });

    describe("(c) chèn mã kịch bản / HTML vào mọi trường văn bản", () => {
      const TEXT_FIELDS: Array<[string, (v: string) => object]> = [
        ["/person/full_name", (v) => ({ person: { ...SUBMISSION.person, full_name: v } })],
        ["/person/address", (v) => ({ person: { ...SUBMISSION.person, address: v } })],
        ["/facts", (v) => ({ facts: v })],
        ["/damage_heads/0/description", (v) => ({ damage_heads: [{ head: "property", description: v }] })],
        ["/attachments/0/title", (v) => ({ attachments: [{ ...SUBMISSION.attachments[0], title: v }] })],
      ];
      const REFUSE_ONLY: Array<[string, (v: string) => object]> = [
        ["/person/phone", (v) => ({ person: { ...SUBMISSION.person, phone: v } })],
        ["/person/email", (v) => ({ person: { ...SUBMISSION.person, email: v } })],
        ["/person/id_number", (v) => ({ person: { ...SUBMISSION.person, id_number: v } })],
        ["/person/date_of_birth", (v) => ({ person: { ...SUBMISSION.person, date_of_birth: v } })],
        ["/factor/value", (v) => ({ factor: { kind: "phone", value: v } })],
        ["/answers/act_date", (v) => ({ answers: { ...SUBMISSION.answers, act_date: v } })],
        ["/consent/text_version", (v) => ({ consent: { accepted: true, text_version: v } })],
      ];

      test("hồ sơ gửi: trường văn bản tự do lưu nguyên văn (trơ), trường có khuôn dạng bị từ chối nêu trường", async () => {
        // Each accepted submission counts against the address: a fresh one each time.
        for (const [field, make] of TEXT_FIELDS) {
          const v = PAYLOADS[0]!;
          const r = await post("/api/public/submissions", { ...SUBMISSION, ...make(v) }, freshIp());
          assert.equal(r.statusCode, 201, `${field}: ${r.body}`);
          assert.ok(!r.body.includes("<script"), `${field}: phiếu JSON không lặp lại nội dung`);
          const [row] = await fx.database.query<{ doc: string }>(
            `select row_to_json(s)::text || coalesce((select string_agg(f.title, '|') from public_submission_files f
               where f.submission_id = s.id), '') as doc from public_submissions s where code = $1`,
            [r.json().code],
          );
          assert.ok(row.doc.includes("<script>alert(1)</script>"), `${field}: lưu nguyên văn, không biến đổi`);
          // The status echo carries no free text of the person at all.
          const st = await post("/api/public/status", { code: r.json().code, factor: "0912345678" }, freshIp());
          assert.equal(st.statusCode, 200, st.body);
          assert.match(String(st.headers["content-type"]), /^application\/json/);
          assert.equal(st.headers["x-content-type-options"], "nosniff");
          assert.ok(!st.body.includes("<script"), `${field}: trang tình trạng không lặp lại văn bản của người gửi`);
          // The receipt PDF prints the name and file titles as text: no script, action or link objects.
          const pdf = await fx.app.inject({
            method: "GET",
            url: `/api/public/submissions/${r.json().code}/receipt.pdf?factor=0912345678`,
            remoteAddress: freshIp(),
          });
          assert.equal(pdf.statusCode, 200);
          const raw = pdf.rawPayload.toString("latin1");
          for (const bad of ["/JavaScript", "/JS ", "/OpenAction", "/Launch", "/URI", "<script"])
            assert.ok(!raw.includes(bad), `${field}: PDF chứa ${bad}`);
        }
        for (const [field, make] of REFUSE_ONLY)
          for (const v of PAYLOADS.slice(0, 2))
            await refused(
              () => post("/api/public/submissions", { ...SUBMISSION, ...make(v) }, freshIp()),
              [400, 422],
              field.startsWith("/consent") ? "/consent" : field,
            );
      });

      test("tên tệp có thẻ HTML: nhận, lưu là chữ — bỏ dấu phân cách đường dẫn, giữ phần mở rộng được phép", async () => {
        const r = await post(
          "/api/public/submissions",
          { ...SUBMISSION, attachments: [{ ...SUBMISSION.attachments[0], file_name: `${PAYLOADS[0]}.pdf` }] },
          freshIp(),
        );
        assert.equal(r.statusCode, 201, r.body);
        const [f] = await fx.database.query<{ file_name: string; mime_type: string }>(
          "select f.file_name, f.mime_type from public_submission_files f join public_submissions s on s.id = f.submission_id where s.code = $1",
          [r.json().code],
        );
        assert.equal(f.file_name, "<script>alert(1)<_script>.pdf");
        assert.equal(f.mime_type, "application/pdf");
      });

      test("văn bản yêu cầu bồi thường (.docx, .pdf): nội dung chèn là chữ, không thành thẻ XML hay mã", async () => {
        const body = {
          answers: SUBMISSION.answers,
          person: { ...SUBMISSION.person, full_name: PAYLOADS[0], address: PAYLOADS[1] },
          facts: PAYLOADS[2],
          damage_heads: [{ head: "property", description: PAYLOADS[3] }],
        };
        const docx = await fx.app.inject({
          method: "POST",
          url: "/api/public/claim-form?format=docx",
          payload: body,
          remoteAddress: freshIp(),
        });
        assert.equal(docx.statusCode, 200, docx.body.slice(0, 300));
        const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")!.async("string");
        assert.ok(!xml.includes("<script>") && !xml.includes("<img src=x"), "không có thẻ chèn trong XML");
        assert.ok(xml.includes("&lt;script&gt;"), "được thoát thành chữ");
        const text = await docxText(docx.rawPayload);
        for (const p of PAYLOADS.slice(0, 4)) assert.ok(text.includes(p), `đọc lại nguyên văn: ${p}`);
        const pdf = await fx.app.inject({
          method: "POST",
          url: "/api/public/claim-form?format=pdf",
          payload: body,
          remoteAddress: freshIp(),
        });
        assert.equal(pdf.statusCode, 200);
        const raw = pdf.rawPayload.toString("latin1");
        for (const bad of ["/JavaScript", "/JS ", "/OpenAction", "/Launch", "/URI"]) assert.ok(!raw.includes(bad), bad);
      });

      test("kiểm tra nhanh, tra cứu: nội dung chèn → từ chối nêu trường hoặc trả JSON không nhúng HTML", async () => {
        for (const v of PAYLOADS) {
          const c = await post("/api/public/check", { ...SUBMISSION.answers, province: v }, freshIp());
          // An unknown province is refused naming the field (it is a choice, not free text).
          assert.equal(c.statusCode, 422, c.body);
          assertErrorShape(c.json(), "check");
          assert.deepEqual(
            c.json().issues.map((i: { path: string }) => i.path),
            ["/province"],
          );
          assert.match(String(c.headers["content-type"]), /^application\/json/);
          assert.equal(c.headers["x-content-type-options"], "nosniff");
          assert.match(String(c.headers["content-security-policy"]), /default-src 'none'/);
          for (const field of ["code", "factor"] as const) {
            const s = await post("/api/public/status", { code: code, factor: "0912345678", [field]: v }, freshIp());
            assert.ok([400, 404, 429].includes(s.statusCode), s.body);
            assertErrorShape(s.json(), "status");
            assert.ok(!s.body.includes(v), "không lặp lại nội dung chèn");
          }
        }
      });
    });

    describe("(d) dồn dập từ một địa chỉ", () => {
      test(`gửi hồ sơ: quá ${LIMITS.submissionsPerAddress} lần/giờ từ một địa chỉ → 429 tiếng Việt; không ghi thêm gì`, async () => {
        const ip = "192.0.2.200";
        // A counter row from two days ago: dropped by the next submission (the table does not grow for ever).
        await fx.database.query(
          "insert into public_attempts (action, code, address_hash, success, at) values ('lookup', 'OLD', 'x', false, '2026-12-01T00:00:00Z')",
        );
        const before = await counts();
        const statuses: number[] = [];
        for (let i = 0; i < LIMITS.submissionsPerAddress + 3; i++) {
          const r = await post("/api/public/submissions", { ...SUBMISSION, attachments: [] }, ip);
          statuses.push(r.statusCode);
          if (r.statusCode === 429) {
            assertErrorShape(r.json(), "429");
            assert.match(r.json().error, /thử lại sau \d+ phút/);
          }
        }
        assert.deepEqual(statuses, [...Array(LIMITS.submissionsPerAddress).fill(201), 429, 429, 429]);
        const now = await counts();
        assert.equal(now.public_submissions - before.public_submissions, LIMITS.submissionsPerAddress);
        const [old] = await fx.database.query<{ n: number }>(
          "select count(*)::int as n from public_attempts where code = 'OLD'",
        );
        assert.equal(Number(old.n), 0);
        assert.equal(now.audit_log - before.audit_log, LIMITS.submissionsPerAddress);
        // Another address is not held up by this one.
        assert.equal(
          (await post("/api/public/submissions", { ...SUBMISSION, attachments: [] }, freshIp())).statusCode,
          201,
        );
      });

      test(`kiểm tra nhanh, văn bản yêu cầu: quá ${LIMITS.requestsPerMinute} lần/phút từ một địa chỉ → 429 tiếng Việt`, async () => {
        const ip = "192.0.2.201";
        let first429 = 0;
        for (let i = 1; i <= LIMITS.requestsPerMinute + 2 && !first429; i++) {
          const r = await post("/api/public/check", SUBMISSION.answers, ip);
          if (r.statusCode === 429) {
            first429 = i;
            assertErrorShape(r.json(), "429");
            assert.ok(Number(r.headers["retry-after"]) > 0);
          } else assert.equal(r.statusCode, 200, r.body);
        }
        assert.equal(first429, LIMITS.requestsPerMinute + 1);
        const form = await fx.app.inject({
          method: "POST",
          url: "/api/public/claim-form?format=pdf",
          payload: { answers: SUBMISSION.answers, person: SUBMISSION.person, facts: "x" },
          remoteAddress: ip,
        });
        assert.equal(form.statusCode, 429);
        // Cacheable public pages (GET) stay reachable.
        assert.equal(
          (await fx.app.inject({ method: "GET", url: "/api/public/interview", remoteAddress: ip })).statusCode,
          200,
        );
      });
    });

    describe("(e) trường bẫy (honeypot)", () => {
      test("trường 'website' có nội dung → từ chối, lời nhắn tiếng Việt nêu trường, không ghi gì, không tính vào giới hạn", async () => {
        const ip = freshIp();
        const b = await refused(
          () => post("/api/public/submissions", { ...SUBMISSION, website: "http://spam.example" }, ip),
          400,
          "/website",
        );
        assert.equal(b.code, "rejected");
        const [n] = await fx.database.query<{ n: number }>(
          "select count(*)::int as n from public_attempts where action = 'submit'",
        );
        const r = await post("/api/public/submissions", { ...SUBMISSION, attachments: [], website: "" }, ip);
        assert.equal(r.statusCode, 201, "để trống như người thật → nhận");
        const [m] = await fx.database.query<{ n: number }>(
          "select count(*)::int as n from public_attempts where action = 'submit'",
        );
        assert.equal(Number(m.n), Number(n.n) + 1);
      });
    });
  });
}
