// Every fact of the procedure recorded where it happens (issue 12, item 1): each step carries what the law's step
// produces (officer, amounts by damage head, decision numbers, extensions within the caps, payment method, recourse);
// bad amounts are refused naming the field with nothing written; statistics read the recorded amounts.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { claimEvents, claims } from "../../src/db/schema/index.ts";
import { type Client, type Fixture, setupFixture, signedIn } from "./helpers.ts";

let fx: Fixture;
let officer: Client;
let claimId: string;
const M = 1_000_000;

before(async () => {
  fx = await setupFixture();
  officer = await signedIn(fx.app, "officer");
  const r = await officer.post("/api/claims", {
    field: "civil_enforcement",
    handling_agency_id: "thads-thanh-hoa",
    claimant_name: "Trần Văn Hải",
    events: [{ type: "received", date: "2026-09-01", data: { amount_requested: 480 * M } }],
  });
  assert.equal(r.statusCode, 201, r.body);
  claimId = r.json().id;
  assert.equal(r.json().amount_requested, 480 * M);
});
after(() => fx.close());

async function step(type: string, date: string, data?: Record<string, unknown>, ground?: string) {
  return officer.post(`/api/claims/${claimId}/events`, { type, date, ...(data ? { data } : {}), ground });
}
async function ok(type: string, date: string, data?: Record<string, unknown>, ground?: string) {
  const r = await step(type, date, data, ground);
  assert.equal(r.statusCode, 201, `${type}: ${r.body}`);
  return r.json();
}
async function refused(type: string, date: string, data: Record<string, unknown> | undefined, path: string) {
  const [beforeRow] = await fx.database.db.select().from(claims).where(eq(claims.id, claimId));
  const nBefore = (await fx.database.db.select().from(claimEvents).where(eq(claimEvents.claimId, claimId))).length;
  const r = await step(type, date, data);
  assert.equal(r.statusCode, 422, r.body);
  const body = r.json();
  assert.equal(body.issues[0].path, path, r.body);
  assert.match(body.issues[0].message, /[à-ỹ]/u, "Vietnamese message");
  const [afterRow] = await fx.database.db.select().from(claims).where(eq(claims.id, claimId));
  assert.equal(afterRow.version, beforeRow.version, "nothing written");
  const nAfter = (await fx.database.db.select().from(claimEvents).where(eq(claimEvents.claimId, claimId))).length;
  assert.equal(nAfter, nBefore);
  return body;
}

describe("Luật TNBTCNN 2017 — mỗi bước ghi điều bước đó tạo ra", () => {
  test("Điều 43 khoản 3 — cử người giải quyết: thiếu họ tên / số quyết định → 422 nêu trường", async () => {
    await ok("file_valid", "2026-09-03");
    await ok("accepted", "2026-09-04");
    await refused("officer_appointed", "2026-09-07", undefined, "/data/officer_name");
    await refused("officer_appointed", "2026-09-07", { officer_name: "Lê Văn Nam" }, "/data/decision_number");
    const d = await ok("officer_appointed", "2026-09-07", {
      officer_name: "Lê Văn Nam",
      officer_title: "Phó Cục trưởng",
      decision_number: "12/QĐ-THADS",
    });
    const ev = d.events.find((e: { type: string }) => e.type === "officer_appointed");
    assert.deepEqual(ev.data, {
      officer_name: "Lê Văn Nam",
      officer_title: "Phó Cục trưởng",
      decision_number: "12/QĐ-THADS",
    });
  });

  test("Điều 44 — tạm ứng: số âm, số 0, số lẻ, chuỗi đều bị từ chối; số hợp lệ cập nhật số tiền tạm ứng", async () => {
    await ok("advance_proposed", "2026-09-08", { amount: 20 * M });
    await refused("advance_paid", "2026-09-09", { amount: -5 }, "/data/amount");
    await refused("advance_paid", "2026-09-09", { amount: 0 }, "/data/amount");
    await refused("advance_paid", "2026-09-09", { amount: 1.5 }, "/data/amount");
    await refused("advance_paid", "2026-09-09", { amount: "20.000.000" }, "/data/amount");
    await refused("advance_paid", "2026-09-09", {}, "/data/amount");
    const d = await ok("advance_paid", "2026-09-09", { amount: 20 * M });
    assert.equal(d.amount_advance, 20 * M);
  });

  test("Điều 45 khoản 2 — kéo dài xác minh quá 15 ngày bị từ chối; 10 ngày có lý do được ghi và dời thời hạn", async () => {
    const body = await refused(
      "verification_report_done",
      "2026-09-30",
      { extension_days: 16, extension_reason: "Chờ kết quả định giá tài sản" },
      "/data/extension_days",
    );
    assert.match(body.issues[0].message, /tối đa 15 ngày.*Điều 45 khoản 2/);
    await refused("verification_report_done", "2026-09-30", { extension_days: 10 }, "/data/extension_reason");
    const d = await ok("verification_report_done", "2026-09-30", {
      report_number: "05/BC-THADS",
      extension_days: 10,
      extension_reason: "Chờ kết quả định giá tài sản",
    });
    assert.deepEqual(d.extensions, { verify: 10 });
    const verify = d.deadlines.find((x: { step: string }) => x.step === "verify");
    // 15 ngày kể từ 04/9 = 19/9 (thứ Bảy → hết hạn thứ Hai 21/9, BLDS Điều 148 k5) + 10 ngày kéo dài → 01/10/2026.
    assert.equal(verify.due, "2026-10-01");
  });

  test("Điều 46 — thương lượng: số buổi bắt buộc; kéo dài quá 10 ngày bị từ chối", async () => {
    await ok("negotiation_started", "2026-10-01", { venue: "Trụ sở Cục THADS tỉnh Thanh Hóa" });
    await refused("negotiation_ended", "2026-10-08", {}, "/data/sessions");
    await refused(
      "negotiation_ended",
      "2026-10-08",
      { sessions: 2, extension_days: 11, extension_reason: "Bổ sung chứng cứ" },
      "/data/extension_days",
    );
    await ok("negotiation_ended", "2026-10-08", { sessions: 2, minutes_number: "03/BB-THADS" }, "success");
  });

  test("Điều 47 khoản 2, Điều 23–28 — quyết định: số quyết định và từng khoản thiệt hại; tổng tự tính", async () => {
    await refused(
      "decision_issued",
      "2026-10-08",
      { items: [{ head: "property", amount: M }] },
      "/data/decision_number",
    );
    await refused(
      "decision_issued",
      "2026-10-08",
      { decision_number: "15/QĐ-THADS", items: [{ head: "house", amount: M }] },
      "/data/items/0/head",
    );
    await refused(
      "decision_issued",
      "2026-10-08",
      { decision_number: "15/QĐ-THADS", items: [{ head: "property", amount: 0 }] },
      "/data/items/0/amount",
    );
    await refused(
      "decision_issued",
      "2026-10-08",
      { decision_number: "15/QĐ-THADS", items: [{ head: "property", amount: M }], amount: 2 * M },
      "/data/amount",
    );
    const d = await ok("decision_issued", "2026-10-08", {
      decision_number: "15/QĐ-THADS",
      items: [
        { head: "property", description: "Tài sản bị kê biên sai", amount: 300 * M },
        { head: "spiritual", description: "Điều 27 khoản 2", amount: 45_500_000 },
      ],
    });
    assert.equal(d.amount_decided, 345_500_000);
    const ev = d.events.find((e: { type: string }) => e.type === "decision_issued");
    assert.equal(ev.data.amount, 345_500_000);
  });

  test("Điều 62, Điều 65–68 — cấp kinh phí, chi trả (số tiền, hình thức), hoàn trả; thống kê đọc đúng số tiền", async () => {
    await ok("decision_effective", "2026-10-23");
    await ok("funds_requested", "2026-10-26", { amount: 325_500_000, request_number: "20/THADS-NV" });
    await ok("funds_received", "2026-11-02", { amount: 325_500_000 });
    await ok("payment_notice_received", "2026-11-03", { notice_number: "21/TB-THADS" });
    await refused("paid", "2026-11-04", { amount: 325_500_000 }, "/data/method");
    await refused("paid", "2026-11-04", { amount: 325_500_000, method: "crypto" }, "/data/method");
    const paid = await ok("paid", "2026-11-04", { amount: 325_500_000, method: "transfer" });
    assert.equal(paid.amount_paid, 325_500_000);
    await ok("council_established", "2026-11-10", { decision_number: "25/QĐ-THADS" });
    await ok("council_recommended", "2026-11-20", { amount: 15 * M });
    await refused("recourse_decided", "2026-11-23", { decision_number: "27/QĐ-THADS" }, "/data/amount");
    await ok("recourse_decided", "2026-11-23", {
      decision_number: "27/QĐ-THADS",
      official_name: "Nguyễn Văn Chấp",
      amount: 15 * M,
      instalments: 3,
      reimbursements: [{ date: "2026-11-30", amount: 5 * M }],
    });

    const s = (await officer.get("/api/statistics?kind=year&year=2026")).json();
    const v = (k: string) => s.total[k].value ?? s.total[k];
    assert.equal(v("amount_to_pay"), 345_500_000);
    assert.equal(v("amount_paid"), 325_500_000);
    assert.equal(v("advance_paid"), 20 * M);
    assert.equal(v("recourse_amount"), 15 * M);
    assert.equal(v("recourse_reimbursed"), 5 * M);
    assert.equal(v("recourse_outstanding"), 10 * M);
  });
});
