// Public help portal (issue 15), HTTP: no login, OpenAPI `security: []` under its own tag, cacheable question model,
// the check answering where to file (dated registry) with the limitation explained, bad answers named in Vietnamese.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";
import { docxText } from "../documents/helpers.ts";
import { type Fixture, setupFixture } from "./helpers.ts";

const ANSWERS = {
  capacity: "injured",
  activity: "civil_enforcement",
  agency_kind: "thads_province",
  province: "ha-giang",
  act_date: "2024-05-10",
  request_kind: "compensation",
  has_basis_document: "yes",
  basis_document_received_on: "2025-03-14",
};

describe("Cổng công dân: API công khai /api/public", () => {
  let fx: Fixture;
  before(async () => {
    fx = await setupFixture({ now: () => new Date("2026-12-04T03:00:00Z") });
  });
  after(() => fx.close());

  test("OpenAPI: mọi đường dẫn /api/public có security: [] và thẻ 'Cổng công dân'", async () => {
    const doc = (await fx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; tags?: string[] }>>;
    };
    const pub = Object.entries(doc.paths).filter(([p]) => p.startsWith("/api/public/"));
    assert.ok(pub.length >= 2);
    // The data subject's rights (Luật BVDLCN 91/2025/QH15) are public routes too.
    for (const p of ["/api/public/my-data", "/api/public/my-data/corrections", "/api/public/my-data/withdraw"])
      assert.ok(doc.paths[p]?.post, `${p} có trong OpenAPI`);
    for (const [path, ops] of pub)
      for (const [method, op] of Object.entries(ops)) {
        assert.deepEqual(op.security, [], `${method} ${path}`);
        assert.deepEqual(op.tags, ["Cổng công dân"], `${method} ${path}`);
      }
  });

  test("GET /api/public/interview: không cần đăng nhập, lưu đệm công khai, CSP giữ nguyên", async () => {
    const r = await fx.app.inject({ method: "GET", url: "/api/public/interview" });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers["cache-control"], "public, max-age=3600");
    assert.match(String(r.headers["content-security-policy"]), /default-src 'none'/);
    const body = r.json() as { first: string; questions: Array<{ id: string; options: unknown[] }> };
    assert.equal(body.first, "capacity");
    const province = body.questions.find((q) => q.id === "province");
    assert.ok(province && province.options.length === 87, "34 tỉnh hiện nay và 53 tỉnh trước sắp xếp");
  });

  test("POST /api/public/check: Luật TNBTCNN 2017, Điều 40 khoản 1 điểm a — Cục THADS Hà Giang (2024) → THADS tỉnh Tuyên Quang", async () => {
    const r = await fx.app.inject({ method: "POST", url: "/api/public/check", payload: ANSWERS });
    assert.equal(r.statusCode, 200, r.body);
    const b = r.json();
    assert.equal(b.in_scope, "yes");
    assert.equal(b.agency.id, "thads-tuyen-quang-2025");
    assert.equal(b.agency.former.id, "cuc-thads-ha-giang");
    assert.equal(b.agency.determined_by_so_tu_phap, false);
    assert.equal(b.limitation.end, "2028-03-14");
    assert.ok(b.limitation.explanation.length >= 3);
    assert.equal(r.headers["cache-control"], "no-store");
  });

  test("POST /api/public/check: câu trả lời sai → 422 tiếng Việt nêu đúng trường; khóa lạ → 400", async () => {
    const bad = await fx.app.inject({
      method: "POST",
      url: "/api/public/check",
      payload: { ...ANSWERS, province: "atlantis" },
    });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json().issues[0].path, "/province");
    assert.match(bad.json().error, /lựa chọn/);
    const missing = await fx.app.inject({ method: "POST", url: "/api/public/check", payload: { capacity: "injured" } });
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().issues[0].path, "/activity");
    const extra = await fx.app.inject({ method: "POST", url: "/api/public/check", payload: { ...ANSWERS, x: 1 } });
    assert.equal(extra.statusCode, 400, extra.body);
  });

  const FORM = {
    answers: ANSWERS,
    person: {
      full_name: "Nguyễn Thị Hoa",
      address: "Số 5 đường Lê Lợi, phường Hà Giang 1, tỉnh Tuyên Quang",
      phone: "0912 345 678",
    },
    facts: "Ngày 10/5/2024, Chấp hành viên kê biên nhầm chiếc xe máy của tôi để thi hành án cho người khác.",
    damage_heads: [
      { head: "property", description: "Xe máy Honda bị kê biên và bán đấu giá", amount: 25_000_000 },
      { head: "non_material", description: "Tổn thất về tinh thần" },
    ],
    request_advance: true,
  };

  test("POST /api/public/claim-form?format=docx: Mẫu 01/BTNN điền sẵn — kính gửi cơ quan đã xác định, thiệt hại đã chọn, chân trang 'chưa xác minh'", async () => {
    const r = await fx.app.inject({ method: "POST", url: "/api/public/claim-form?format=docx", payload: FORM });
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers["content-disposition"]), /van-ban-yeu-cau-boi-thuong\.docx/);
    assert.equal(r.headers["cache-control"], "no-store");
    const text = await docxText(r.rawPayload);
    for (const want of [
      "VĂN BẢN YÊU CẦU BỒI THƯỜNG",
      "Kính gửi: Thi hành án dân sự tỉnh Tuyên Quang",
      "Họ và tên: Nguyễn Thị Hoa",
      "Điện thoại: 0912345678",
      "Thiệt hại do tài sản bị xâm phạm (Điều 23)",
      "Thiệt hại về tinh thần (Điều 27)",
      "Tổng số tiền yêu cầu bồi thường: 25.000.000 đồng",
      "Yêu cầu tạm ứng kinh phí bồi thường (Điều 44 Luật TNBTCNN 2017): Có",
      "ngày 14/03/2025",
      "ngày 04 tháng 12 năm 2026",
    ])
      assert.ok(text.includes(want), `thiếu "${want}" trong:\n${text}`);
    const zip = await JSZip.loadAsync(r.rawPayload);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footerXml = (await Promise.all(footers.map((f) => zip.file(f)!.async("string")))).join("");
    assert.match(footerXml, /chưa xác minh/);
  });

  test("POST /api/public/claim-form?format=pdf: PDF in được, không cần đăng nhập; thiếu họ tên → 400 nêu trường", async () => {
    const r = await fx.app.inject({ method: "POST", url: "/api/public/claim-form?format=pdf", payload: FORM });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.headers["content-type"], "application/pdf");
    assert.equal(r.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const bad = await fx.app.inject({
      method: "POST",
      url: "/api/public/claim-form?format=pdf",
      payload: { ...FORM, person: { ...FORM.person, full_name: "  " } },
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().issues[0].path, "/person/full_name");
    const wrong = await fx.app.inject({ method: "POST", url: "/api/public/claim-form?format=exe", payload: FORM });
    assert.equal(wrong.statusCode, 400);
  });
});
