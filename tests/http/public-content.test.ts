// Public portal content (issue 15 item 1): served without a login and cacheable, steps computed on the working-day
// calendar from the legal parameter table, edited only by a national-level body (Cục BTNN) as audited new versions,
// the leaflet PDF generated from the same content; listed in OpenAPI under its own tag with `security: []`.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditLog, publicContent } from "../../src/db/schema/index.ts";
import { DEFAULT_PUBLIC_CONTENT } from "../../src/domain/public-content/content.ts";
import { Client, type Fixture, setupFixture, signedIn } from "./helpers.ts";

let fx: Fixture;
// Friday 19/12/2025 (Vietnam): accept (2 WD) falls on Tuesday 23/12; verify (15 CD) counts over the New Year.
const NOW = new Date("2025-12-19T03:00:00Z");
before(async () => {
  fx = await setupFixture({ now: () => NOW });
});
after(() => fx.close());

type Content = {
  today: string;
  items: Array<{ key: string; title: string; body: string; version: number; page: string }>;
  steps: Array<{ key: string; duration_vi: string; cite: string; example: { from_date: string; due: string } }>;
};

const edit = (over: Record<string, unknown> = {}) => ({
  page: "faq",
  position: 15,
  title: "Tôi ở xa, có phải đến cơ quan không?",
  body: "Bạn có thể nộp hồ sơ qua bưu điện hoặc trực tuyến.\n\n- Nộp trực tuyến trên cổng này;\n- Gửi qua bưu điện.",
  sources: ["Luật TNBTCNN 2017, Điều 42 khoản 1"],
  version: 0,
  ...over,
});

describe("Cổng công dân — nội dung công khai", () => {
  test("GET /api/public/content: no login, cacheable, every default item served", async () => {
    const r = await new Client(fx.app).get("/api/public/content");
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers["cache-control"]), /public, max-age=\d+/);
    assert.equal(r.headers["set-cookie"], undefined);
    const body = r.json() as Content;
    assert.equal(body.today, "2025-12-19");
    assert.deepEqual(body.items.map((i) => i.key).sort(), DEFAULT_PUBLIC_CONTENT.map((d) => d.key).sort());
    assert.ok(body.items.every((i) => i.version === 0));
  });

  test("Điều 43 khoản 1: the example acceptance date is 2 working days after the receipt (weekend skipped)", async () => {
    const body = (await new Client(fx.app).get("/api/public/content")).json() as Content;
    const accept = body.steps.find((s) => s.key === "accept");
    assert.ok(accept);
    assert.equal(accept.example.from_date, "2025-12-19");
    assert.equal(accept.example.due, "2025-12-23"); // Fri → Mon (1), Tue (2)
    assert.equal(accept.duration_vi, "02 ngày làm việc");
    assert.match(accept.cite, /Điều 43 khoản 1/);
    // Điều 45 khoản 2: verification counts 15 days from acceptance (plain days), chained from the acceptance date.
    const verify = body.steps.find((s) => s.key === "verify");
    assert.ok(verify);
    assert.match(verify.duration_vi, /^15 ngày \(30 ngày nếu vụ việc phức tạp\)$/);
    const appoint = body.steps.find((s) => s.key === "appoint_officer");
    assert.equal(verify.example.from_date, appoint?.example.due);
  });

  test("an officer of a provincial Sở Tư pháp may not edit the national content (403), nothing written", async () => {
    const officer = await signedIn(fx.app, "officer");
    const r = await officer.request({ method: "PUT", url: "/api/admin/public-content/faq.far-away", payload: edit() });
    assert.equal(r.statusCode, 403, r.body);
    assert.match(r.json().error, /Cục Bồi thường nhà nước/);
    assert.equal((await fx.database.db.select().from(publicContent)).length, 0);
  });

  test("anonymous may not edit (401); a viewer lacks the permission (403)", async () => {
    const anon = await new Client(fx.app).request({
      method: "PUT",
      url: "/api/admin/public-content/faq.far-away",
      payload: edit(),
    });
    assert.equal(anon.statusCode, 401);
    const viewer = await signedIn(fx.app, "viewer");
    const r = await viewer.request({ method: "PUT", url: "/api/admin/public-content/faq.far-away", payload: edit() });
    assert.equal(r.statusCode, 403);
  });

  test("Cục BTNN adds an FAQ item and edits a default one: new versions, audited, served publicly", async () => {
    const cuc = await signedIn(fx.app, "officer_cuc");
    const added = await cuc.request({ method: "PUT", url: "/api/admin/public-content/faq.far-away", payload: edit() });
    assert.equal(added.statusCode, 200, added.body);
    assert.equal(added.json().version, 1);
    assert.equal(added.json().updated_by, "Người dùng officer_cuc");

    const fees = DEFAULT_PUBLIC_CONTENT.find((d) => d.key === "faq.fees");
    assert.ok(fees);
    const changed = await cuc.request({
      method: "PUT",
      url: "/api/admin/public-content/faq.fees",
      payload: {
        ...edit({ title: fees.title, position: fees.position }),
        body: "Không mất phí. Mọi hướng dẫn đều miễn phí.",
      },
    });
    assert.equal(changed.statusCode, 200, changed.body);

    const pub = (await new Client(fx.app).get("/api/public/content")).json() as Content;
    assert.equal(pub.items.find((i) => i.key === "faq.fees")?.body, "Không mất phí. Mọi hướng dẫn đều miễn phí.");
    const faqKeys = pub.items.filter((i) => i.page === "faq").map((i) => i.key);
    assert.deepEqual(faqKeys.slice(0, 3), ["faq.fees", "faq.far-away", "faq.no-basis-document"]);

    const audits = await fx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "public_content.update"), eq(auditLog.entityId, "faq.fees")));
    assert.equal(audits.length, 1);
    assert.equal((audits[0].before as { body: string }).body, fees.body);
  });

  test("a stale version is refused (409) and the history is kept", async () => {
    const cuc = await signedIn(fx.app, "officer_cuc");
    const stale = await cuc.request({
      method: "PUT",
      url: "/api/admin/public-content/faq.far-away",
      payload: edit({ body: "Phiên bản cũ ghi đè lên phiên bản mới." }),
    });
    assert.equal(stale.statusCode, 409, stale.body);
    const hide = await cuc.request({
      method: "PUT",
      url: "/api/admin/public-content/faq.far-away",
      payload: edit({ version: 1, hidden: true }),
    });
    assert.equal(hide.statusCode, 200, hide.body);
    const rows = await fx.database.db.select().from(publicContent).where(eq(publicContent.key, "faq.far-away"));
    assert.deepEqual(rows.map((r) => r.version).sort(), [1, 2]);
    const pub = (await new Client(fx.app).get("/api/public/content")).json() as Content;
    assert.equal(
      pub.items.find((i) => i.key === "faq.far-away"),
      undefined,
      "hidden items are not public",
    );
    const admin = await cuc.get("/api/admin/public-content");
    assert.equal(admin.statusCode, 200);
    assert.equal(
      (admin.json() as Array<{ key: string; hidden: boolean }>).find((i) => i.key === "faq.far-away")?.hidden,
      true,
    );
  });

  test("bad input names the field in Vietnamese; a script in the text is stored as text, never as markup", async () => {
    const cuc = await signedIn(fx.app, "officer_cuc");
    const bad = await cuc.request({
      method: "PUT",
      url: "/api/admin/public-content/faq.x",
      payload: edit({ title: "", version: 0 }),
    });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().issues.some((i: { path: string }) => i.path === "/title"));
    const badKey = await cuc.request({ method: "PUT", url: "/api/admin/public-content/Trang%20chu", payload: edit() });
    assert.equal(badKey.statusCode, 400);
    assert.ok(badKey.json().issues.some((i: { path: string }) => i.path === "/key"));
    const script = '<script>alert("x")</script> Câu hỏi có thẻ script';
    const ok = await cuc.request({
      method: "PUT",
      url: "/api/admin/public-content/faq.script",
      payload: edit({ title: script }),
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const r = await new Client(fx.app).get("/api/public/content");
    assert.match(String(r.headers["content-type"]), /^application\/json/);
    assert.equal((r.json() as Content).items.find((i) => i.key === "faq.script")?.title, script);
  });

  test("GET /api/public/leaflet.pdf: a PDF built from the content, cacheable, no login", async () => {
    const r = await new Client(fx.app).get("/api/public/leaflet.pdf");
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers["content-type"], "application/pdf");
    assert.match(String(r.headers["cache-control"]), /public/);
    assert.equal(r.rawPayload.subarray(0, 5).toString(), "%PDF-");
    assert.ok(r.rawPayload.length > 5_000);
  });

  test("OpenAPI: the public routes need no authentication and share their own tag", async () => {
    const doc = (await new Client(fx.app).get("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; tags?: string[] }>>;
    };
    for (const path of ["/api/public/content", "/api/public/leaflet.pdf"]) {
      const op = doc.paths[path]?.get;
      assert.ok(op, path);
      assert.deepEqual(op.security, []);
      assert.deepEqual(op.tags, ["Cổng công dân"]);
    }
    assert.notDeepEqual(doc.paths["/api/admin/public-content"]?.get?.security, []);
  });
});
