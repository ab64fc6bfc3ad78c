// Issue 6 through the API: trainings/dissemination (KH 2021 mục II.4), inspections with results, follow-ups, report
// and exchange of results (KH 2021 mục II.10), evaluation by QĐ 3062/QĐ-BTP (self-assessment, review, ranking).
// Scope: another province gets 404; bad input gets a 4xx with a Vietnamese message and writes nothing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { evaluationAssessments, inspectionFollowups, notifications, trainings } from "../../src/db/schema/index.ts";
import { checkNd30Layout, inspectDocx } from "../../src/documents/index.ts";
import { type Client, type Fixture, setupFixture, signedIn } from "../http/helpers.ts";

let fx: Fixture;
let officer: Client; // Sở Tư pháp Thanh Hóa
let officerHn: Client; // Sở Tư pháp Hà Nội
let officerCuc: Client; // Cục Bồi thường nhà nước
let viewer: Client;

before(async () => {
  fx = await setupFixture();
  officer = await signedIn(fx.app, "officer");
  officerHn = await signedIn(fx.app, "officer_hn");
  officerCuc = await signedIn(fx.app, "officer_cuc");
  viewer = await signedIn(fx.app, "viewer");
});
after(() => fx.close());

const rows = async (table: typeof trainings | typeof evaluationAssessments | typeof inspectionFollowups) =>
  (await fx.database.db.select({ n: count() }).from(table))[0].n;

let trainingId = "";

describe("Tập huấn, tuyên truyền — KH 2021 mục II.4; KH Thanh Hóa 2024 mục II.1–2", () => {
  test("KH 2021 mục II.4 — ghi nhận lớp tập huấn: chủ trì, phối hợp, ngày, đối tượng, số người, tài liệu", async () => {
    const r = await officer.post("/api/trainings", {
      kind: "training",
      title: "Tập huấn Luật TNBTCNN cho cán bộ THADS",
      organiser_agency_id: "stp-thanh-hoa",
      co_organiser_agency_ids: ["thads-thanh-hoa"],
      date: "2024-05-10",
      audience: "Chấp hành viên, công chức THADS",
      participants: 65,
      participant_groups: { "Chấp hành viên": 40, "Công chức tư pháp": 25 },
      materials: [{ title: "Đề cương bài giảng" }],
    });
    assert.equal(r.statusCode, 201, r.body);
    const t = r.json();
    trainingId = t.id;
    assert.equal(t.participants, 65);
    assert.deepEqual(t.co_organiser_agency_ids, ["thads-thanh-hoa"]);
    assert.deepEqual(t.materials, [{ title: "Đề cương bài giảng" }]);
    const list = (await officer.get("/api/trainings?year=2024&kind=training")).json();
    assert.deepEqual(
      list.items.map((x: { id: string }) => x.id),
      [trainingId],
    );
  });

  test("phạm vi — tỉnh khác không thấy (404), không tạo thay cơ quan ngoài phạm vi (403)", async () => {
    assert.equal((await officerHn.get(`/api/trainings/${trainingId}`)).statusCode, 404);
    assert.deepEqual((await officerHn.get("/api/trainings")).json().items, []);
    const before = await rows(trainings);
    const r = await officerHn.post("/api/trainings", {
      kind: "dissemination",
      title: "Tuyên truyền",
      organiser_agency_id: "stp-thanh-hoa",
      date: "2024-05-10",
      participants: 1,
    });
    assert.equal(r.statusCode, 403);
    assert.equal(await rows(trainings), before);
  });

  test("dữ liệu sai — 400 với thông báo tiếng Việt theo trường, không ghi gì", async () => {
    const before = await rows(trainings);
    const r = await officer.post("/api/trainings", {
      kind: "hội thảo",
      title: "",
      organiser_agency_id: "stp-thanh-hoa",
      date: "2024-13-40",
      participants: -3,
    });
    assert.equal(r.statusCode, 400);
    const b = r.json();
    const paths = b.issues.map((i: { path: string }) => i.path).sort();
    assert.deepEqual(paths, ["/date", "/kind", "/participants", "/title"]);
    for (const i of b.issues) assert.match(i.message, /[àáảãạăâđêôơưéèẹíìóòúùýỳ]/i, i.message);
    const r2 = await officer.post("/api/trainings", {
      kind: "training",
      title: "Tập huấn",
      organiser_agency_id: "stp-thanh-hoa",
      date: "2024-05-10",
      end_date: "2024-05-01",
      participants: 3,
    });
    assert.equal(r2.statusCode, 422, r2.body);
    assert.match(r2.json().error, /Ngày kết thúc/);
    assert.equal(await rows(trainings), before);
  });
});

let inspectionId = "";

describe("Kiểm tra — KH 2021 mục II.10; KH Thanh Hóa 2024 mục II.6", () => {
  test("KH 2021 mục II.10 — lập kế hoạch kiểm tra: chủ trì, đoàn, đối tượng, lịch", async () => {
    const r = await officerCuc.post("/api/inspections", {
      title: "Kiểm tra công tác BTNN trong THADS tỉnh Thanh Hóa năm 2024",
      lead_agency_id: "cuc-btnn",
      year: 2024,
      basis: "Kế hoạch kiểm tra năm 2024",
      team: [
        { name: "Nguyễn Văn Bình", title: "Phó Cục trưởng", role: "leader" },
        { name: "Phạm Thu Hà", title: "Chuyên viên chính", role: "member" },
      ],
      targets: [{ agency_id: "thads-thanh-hoa", date: "2024-09-10", content: "Giải quyết yêu cầu bồi thường" }],
    });
    assert.equal(r.statusCode, 201, r.body);
    inspectionId = r.json().id;
    assert.equal(r.json().status, "planned");
    // The inspected province sees it; another province does not.
    assert.equal((await officer.get(`/api/inspections/${inspectionId}`)).statusCode, 200);
    assert.equal((await officerHn.get(`/api/inspections/${inspectionId}`)).statusCode, 404);
  });

  test("kết quả kiểm tra chỉ do cơ quan chủ trì ghi; đối tượng ngoài danh sách bị từ chối, không ghi gì", async () => {
    const before = await rows(inspectionFollowups);
    const byTarget = await officer.post(`/api/inspections/${inspectionId}/results`, {
      findings: [{ target_agency_id: "thads-thanh-hoa", text: "Tự ghi kết quả" }],
      recommendations: [],
    });
    assert.equal(byTarget.statusCode, 403);
    const wrong = await officerCuc.post(`/api/inspections/${inspectionId}/results`, {
      findings: [{ target_agency_id: "thads-ha-noi", text: "Không phải đối tượng" }],
      recommendations: [{ target_agency_id: "thads-ha-noi", recommendation: "Không hợp lệ" }],
    });
    assert.equal(wrong.statusCode, 422, wrong.body);
    assert.match(wrong.json().error, /không phải đối tượng/);
    assert.equal(await rows(inspectionFollowups), before);
  });

  test("KH 2021 mục II.10 — ghi kết quả: kiến nghị thành việc theo dõi, kết quả gửi Cục Quản lý THADS (cơ quan chủ trì còn lại)", async () => {
    const r = await officerCuc.post(`/api/inspections/${inspectionId}/results`, {
      findings: [
        {
          target_agency_id: "thads-thanh-hoa",
          heading: "Việc giải quyết yêu cầu bồi thường",
          text: "Đơn vị thụ lý 02 vụ việc, đã giải quyết xong 01 vụ việc.",
        },
      ],
      recommendations: [
        { target_agency_id: "thads-thanh-hoa", recommendation: "Hoàn thành vụ việc còn lại", due: "2024-12-31" },
      ],
      report_date: "2025-09-30",
    });
    assert.equal(r.statusCode, 200, r.body);
    const ins = r.json();
    assert.equal(ins.status, "reported");
    assert.equal(ins.followups.length, 1);
    assert.equal(ins.followups[0].status, "open");
    // Exchange of results: the TONG_CUC_THADS-role agency in force on the report date (Cục Quản lý THADS in 2025) gets it.
    assert.deepEqual(
      ins.shared_with.map((s: { agency_id: string; basis: string }) => [s.agency_id, s.basis]),
      [["cuc-ql-thads", "KH 2021 mục II.10"]],
    );
    const notes = await fx.database.db
      .select({ agency: notifications.agencyId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.entityId, inspectionId));
    assert.deepEqual(notes.map((n) => `${n.agency}:${n.kind}`).sort(), [
      "cuc-ql-thads:inspection_result",
      "thads-thanh-hoa:inspection_followup",
    ]);
  });

  test("việc theo dõi kiến nghị — đánh dấu xong phải nêu kết quả; cơ quan được kiểm tra cập nhật", async () => {
    const ins = (await officer.get(`/api/inspections/${inspectionId}`)).json();
    const f = ins.followups[0];
    const bad = await officer.patch(`/api/inspection-followups/${f.id}`, { status: "done", version: f.version });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().error, /kết quả thực hiện/);
    const ok = await officer.patch(`/api/inspection-followups/${f.id}`, {
      status: "done",
      result: "Đã ban hành quyết định giải quyết bồi thường",
      done_on: "2024-11-20",
      version: f.version,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, "done");
    assert.equal(ok.json().done_on, "2024-11-20");
    assert.equal((await officerHn.patch(`/api/inspection-followups/${f.id}`, { version: 2 })).statusCode, 404);
  });

  test("báo cáo kết quả kiểm tra (.docx) đúng thể thức Nghị định 30, có kết quả và kiến nghị", async () => {
    const r = await officer.request({ method: "GET", url: `/api/inspections/${inspectionId}/report` });
    assert.equal(r.statusCode, 200, r.body.slice(0, 300));
    assert.match(String(r.headers["content-type"]), /wordprocessingml/);
    const ins = await inspectDocx(r.rawPayload);
    assert.deepEqual(checkNd30Layout(ins, "report"), []);
    const text = JSON.stringify(ins);
    assert.match(text, /Đơn vị thụ lý 02 vụ việc/);
    assert.match(text, /Hoàn thành vụ việc còn lại/);
    assert.match(text, /Nguyễn Văn Bình/);
    assert.equal((await officerHn.get(`/api/inspections/${inspectionId}/report`)).statusCode, 404);
  });
});

describe("Đánh giá theo QĐ 3062/QĐ-BTP (chưa xác nhận) — KH Thanh Hóa 2024 mục II.5", () => {
  const base = { set_id: "qd-3062-2019", year: 2024, agency_id: "stp-thanh-hoa" };
  let id = "";

  test("bộ tiêu chí hiển thị là chưa xác nhận", async () => {
    const sets = (await viewer.get("/api/evaluation/sets")).json().items;
    assert.equal(sets[0].id, "qd-3062-2019");
    assert.equal(sets[0].confidence, "unverified");
  });

  test("QĐ 3062 nhóm III — điểm tính sẵn từ dữ liệu, có minh chứng (lớp tập huấn đã ghi nhận)", async () => {
    const r = await officer.get("/api/evaluation/draft?set_id=qd-3062-2019&year=2024&agency_id=stp-thanh-hoa");
    assert.equal(r.statusCode, 200, r.body);
    const c = r.json().computed;
    const iii1 = c.criteria.find((x: { code: string }) => x.code === "III.1");
    assert.equal(iii1.points, 5);
    assert.deepEqual(iii1.evidence, [{ kind: "trainings", id: trainingId }]);
    // Không phát sinh vụ việc: I.1–I.3a, II.1 tối đa; III.2 và IV.1 không có hoạt động → 0.
    // 40 + 20 + 5 + 0 = 65 / 90
    assert.equal(c.total, 65);
    assert.equal(c.max, 90);
    assert.equal(
      (await officerHn.get("/api/evaluation/draft?set_id=qd-3062-2019&year=2024&agency_id=stp-thanh-hoa")).statusCode,
      404,
    );
  });

  test("điểm thủ công thiếu lý do — 400 tiếng Việt, không ghi gì", async () => {
    const before = await rows(evaluationAssessments);
    const r = await officer.request({
      method: "PUT",
      url: "/api/evaluation/self-assessment",
      payload: { ...base, manual: { "I.3b": { points: 10, reason: "" } } },
    });
    assert.equal(r.statusCode, 400);
    assert.match(r.json().issues[0].message, /lý do/);
    const r2 = await officer.request({
      method: "PUT",
      url: "/api/evaluation/self-assessment",
      payload: { ...base, manual: { "IX.9": { points: 1, reason: "Không có tiêu chí này" } } },
    });
    assert.equal(r2.statusCode, 422);
    assert.match(r2.json().error, /không có tiêu chí/);
    assert.equal(await rows(evaluationAssessments), before);
  });

  test("tỉnh tự đánh giá và gửi; sau khi gửi không sửa được; tỉnh khác không xem được", async () => {
    const r = await officer.request({
      method: "PUT",
      url: "/api/evaluation/self-assessment",
      payload: {
        ...base,
        manual: { "I.3b": { points: 6, reason: "Đã xem xét kỷ luật 01 trường hợp" } },
        submit: true,
      },
    });
    assert.equal(r.statusCode, 200, r.body);
    id = r.json().id;
    assert.equal(r.json().status, "self_submitted");
    assert.equal(r.json().self_total, 71);
    const again = await officer.request({ method: "PUT", url: "/api/evaluation/self-assessment", payload: base });
    assert.equal(again.statusCode, 422);
    assert.equal((await officerHn.get(`/api/evaluation/assessments/${id}`)).statusCode, 404);
    const hnSave = await officerHn.request({ method: "PUT", url: "/api/evaluation/self-assessment", payload: base });
    assert.equal(hnSave.statusCode, 403);
  });

  test("Bộ (CUC_BTNN) thẩm định; tỉnh không tự thẩm định; bảng xếp hạng theo điểm thẩm định", async () => {
    const self = await officer.post(`/api/evaluation/assessments/${id}/review`, {});
    assert.equal(self.statusCode, 403);
    const r = await officerCuc.post(`/api/evaluation/assessments/${id}/review`, {
      manual: { "I.3b": { points: 4, reason: "Hồ sơ kỷ luật chưa đầy đủ" } },
      note: "Thẩm định năm 2024",
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().status, "reviewed");
    assert.equal(r.json().review_total, 69);
    const rk = (await officerCuc.get("/api/evaluation/ranking?set_id=qd-3062-2019&year=2024")).json();
    assert.equal(rk.confidence, "unverified");
    assert.deepEqual(
      rk.items.map((x: { agency_id: string; total: number; rank: number }) => [x.agency_id, x.total, x.rank]),
      [["stp-thanh-hoa", 69, 1]],
    );
    assert.deepEqual((await officerHn.get("/api/evaluation/ranking?set_id=qd-3062-2019&year=2024")).json().items, []);
  });
});
