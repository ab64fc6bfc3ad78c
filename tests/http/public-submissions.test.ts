// Online submission without login (issue 15 item 4–5): a claim file with two attachments lands in the competent
// agency's hands with a receipt code and the date by which it must answer (Điều 43 khoản 1, working days); the receipt
// PDF and the status need the second factor; the same refusal for an unknown code and a wrong factor; consent recorded.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { receiptDefinition } from "../../src/documents/submission-receipt-pdf.ts";
import { CONSENT_TEXTS, CONSENT_VERSION } from "../../src/domain/portal/index.ts";
import { type Fixture, setupFixture } from "./helpers.ts";
import { SUBMISSION } from "./public-submission-fixture.ts";

describe("Cổng công dân: gửi hồ sơ trực tuyến, phiếu tiếp nhận, tra cứu", () => {
  let fx: Fixture;
  let code = "";
  before(async () => {
    // Thu 03/12/2026, 10:00 in Vietnam.
    fx = await setupFixture({ now: () => new Date("2026-12-03T03:00:00Z") });
  });
  after(() => fx.close());
  const post = (url: string, payload: unknown, ip = "203.0.113.10", headers: Record<string, string> = {}) =>
    fx.app.inject({ method: "POST", url, payload: payload as object, remoteAddress: ip, headers });

  test("POST /api/public/submissions: mã hồ sơ ≥ 10 ký tự dễ đọc; hạn thụ lý 02 ngày làm việc (Luật TNBTCNN 2017, Điều 43 khoản 1)", async () => {
    const r = await post("/api/public/submissions", SUBMISSION);
    assert.equal(r.statusCode, 201, r.body);
    const b = r.json();
    code = b.code;
    assert.match(code, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    assert.equal(b.agency.id, "thads-thanh-hoa");
    assert.equal(b.submitted_on, "2026-12-03");
    // Thu 03/12 → Fri 04/12 (1), Mon 07/12 (2)
    assert.equal(b.answer_by.date, "2026-12-07");
    assert.equal(b.answer_by.basis, "Luật TNBTCNN 2017, Điều 43 khoản 1");
    assert.ok(
      b.answer_by.explanation.some((s: { source?: string }) => s.source === "Luật TNBTCNN 2017, Điều 42 khoản 2"),
    );
    const [row] = await fx.database.query<{
      person_phone: string;
      factor_hash: string;
      consent_text_version: string;
      n: number;
    }>(
      "select s.person_phone, s.factor_hash, s.consent_text_version, (select count(*)::int from public_submission_files f where f.submission_id = s.id) as n from public_submissions s where code = $1",
      [code],
    );
    assert.equal(row.n, 2);
    assert.equal(row.consent_text_version, CONSENT_VERSION);
    assert.ok(!row.factor_hash.includes("0912345678"), "yếu tố thứ hai chỉ lưu dạng băm");
    const [audit] = await fx.database.query<{ after: string }>(
      "select after::text from audit_log where action = 'public_submission.create' order by seq desc limit 1",
    );
    assert.ok(
      !audit.after.includes("Trần Văn Bình") && !audit.after.includes("0912345678"),
      "nhật ký không chứa dữ liệu cá nhân",
    );
  });

  test("Sở Tư pháp khi không rõ cơ quan: hạn 05 ngày làm việc (Điều 41 khoản 4; NĐ 68/2018 Điều 33)", async () => {
    const r = await post("/api/public/submissions", {
      ...SUBMISSION,
      answers: { ...SUBMISSION.answers, agency_kind: "unknown" },
      attachments: [],
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().agency.id, "stp-thanh-hoa");
    assert.equal(r.json().agency.determined_by_so_tu_phap, true);
    assert.equal(r.json().answer_by.date, "2026-12-10");
  });

  test("đề nghị hỗ trợ (TT 09/2019 Điều 5) trong THADS → Cục Bồi thường nhà nước (KH 2021 mục II.8); không có hạn luật định", async () => {
    const r = await post("/api/public/submissions", {
      ...SUBMISSION,
      kind: "support",
      answers: { activity: "civil_enforcement", agency_kind: "thads_province", province: "thanh-hoa" },
      attachments: [],
      factor: { kind: "id_last4", value: "1234" },
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().agency.id, "cuc-btnn");
    assert.equal(r.json().answer_by, null);
  });

  test("POST /api/public/status: bước hiện tại, hạn tiếp theo, cơ quan giữ hồ sơ — không có dữ liệu cá nhân", async () => {
    const r = await post("/api/public/status", {
      code: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase(),
      factor: "+84 912 345 678",
    });
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json();
    assert.equal(b.step, "received");
    assert.equal(b.holder.id, "thads-thanh-hoa");
    assert.equal(b.next_date.date, "2026-12-07");
    assert.ok(!r.body.includes("Trần Văn Bình") && !r.body.includes("0912345678") && !r.body.includes("Hàng Than"));
    assert.equal(r.headers["cache-control"], "no-store");
  });

  test("mã không tồn tại và yếu tố sai nhận cùng một câu trả lời (không dò được mã)", async () => {
    const wrong = await post("/api/public/status", { code, factor: "0900000000" });
    const unknown = await post("/api/public/status", { code: "ABCDEFGHJKMN", factor: "0912345678" });
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(wrong.json().error, unknown.json().error);
    assert.equal(wrong.json().code, unknown.json().code);
  });

  test("GET receipt.pdf: cần yếu tố thứ hai; đúng → PDF phiếu tiếp nhận", async () => {
    const no = await fx.app.inject({
      method: "GET",
      url: `/api/public/submissions/${code}/receipt.pdf?factor=1111`,
      remoteAddress: "203.0.113.11",
    });
    assert.equal(no.statusCode, 404);
    const ok = await fx.app.inject({
      method: "GET",
      url: `/api/public/submissions/${code}/receipt.pdf?factor=0912345678`,
      remoteAddress: "203.0.113.11",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.rawPayload.subarray(0, 5).toString(), "%PDF-");
    assert.equal(ok.headers["cache-control"], "private, no-store");
  });

  test("GET /api/public/consent: nội dung đồng ý có phiên bản, lưu đệm công khai", async () => {
    const r = await fx.app.inject({ method: "GET", url: "/api/public/consent" });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().version, "2026-12-05");
    assert.match(r.json().text, /91\/2025\/QH15/);
    // The rights are exercised on the portal itself (/api/public/my-data*), no longer by contacting the agency.
    assert.match(r.json().text, /trang “Tra cứu hồ sơ”, mục “Dữ liệu cá nhân của bạn”/);
    assert.match(r.json().text, /xem dữ liệu cá nhân .*đề nghị sửa dữ liệu và rút lại sự đồng ý/);
    assert.doesNotMatch(r.json().text, /liên hệ cơ quan/);
    assert.equal(r.headers["cache-control"], "public, max-age=3600");
  });

  test("Luật 91/2025/QH15: phiên bản 2026-12-04 vẫn lưu cho hồ sơ đã đồng ý theo nó; gửi kèm phiên bản cũ → 422 nêu /consent/text_version, không ghi gì", async () => {
    const old = CONSENT_TEXTS.find((c) => c.version === "2026-12-04");
    assert.match(old?.text ?? "", /liên hệ cơ quan nhận hồ sơ và nêu mã hồ sơ/);
    assert.equal(new Set(CONSENT_TEXTS.map((c) => c.version)).size, CONSENT_TEXTS.length, "mỗi phiên bản một lần");
    const n = async () =>
      Number((await fx.database.query<{ n: number }>("select count(*)::int as n from public_submissions"))[0].n);
    const before = await n();
    const r = await post(
      "/api/public/submissions",
      { ...SUBMISSION, consent: { accepted: true, text_version: "2026-12-04" } },
      "203.0.113.30",
    );
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.json().code, "consent_version");
    assert.deepEqual(
      r.json().issues.map((i: { path: string }) => i.path),
      ["/consent/text_version"],
    );
    assert.equal(await n(), before);
  });

  test("ngày sinh không có thật (31/02/1980): 400 nêu /person/date_of_birth bằng tiếng Việt, theo dạng ngày/tháng/năm, không ghi gì", async () => {
    const n = async () =>
      Number((await fx.database.query<{ n: number }>("select count(*)::int as n from public_submissions"))[0].n);
    const before = await n();
    for (const typed of ["31/02/1980", "1980-02-31"]) {
      const r = await post(
        "/api/public/submissions",
        { ...SUBMISSION, person: { ...SUBMISSION.person, date_of_birth: typed } },
        "203.0.113.31",
      );
      assert.equal(r.statusCode, 400, r.body);
      const issue = r.json().issues.find((i: { path: string }) => i.path === "/person/date_of_birth");
      assert.ok(issue, r.body);
      assert.match(issue.message, /^Ngày sinh .*ngày\/tháng\/năm/);
      assert.doesNotMatch(issue.message, /YYYY/);
    }
    assert.equal(await n(), before);
  });

  test("phiếu tiếp nhận: quyền đối với dữ liệu cá nhân tự thực hiện tại trang Tra cứu hồ sơ, không phải liên hệ cơ quan", () => {
    const text = JSON.stringify(
      receiptDefinition({
        code: "ABCDEFGHJKMN",
        kind: "support",
        submitted_on: "2026-12-03",
        submitted_at_vn: "10:00 ngày 03/12/2026",
        person_name: "Trần Văn Bình",
        agency_name: "Cục Thi hành án dân sự tỉnh Thanh Hóa",
        determined_by_so_tu_phap: false,
        answer_by: null,
        files: [],
        consent_version: CONSENT_VERSION,
      }),
    );
    assert.ok(text.includes(`nội dung phiên bản ${CONSENT_VERSION}`));
    assert.match(text, /rút lại sự đồng ý trên Cổng, tại trang “Tra cứu hồ sơ”, mục “Dữ liệu cá nhân của bạn”/);
    assert.doesNotMatch(text, /liên hệ cơ quan tiếp nhận và nêu mã/);
  });
});
