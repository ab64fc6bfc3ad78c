import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../calendar/index.ts";
import { importPlan } from "./import.ts";
import { expandSchedule } from "./schedule.ts";
import { parseTiming } from "./timing.ts";

const due = (phrase: string, year: number) =>
  expandSchedule(parseTiming(phrase), year, defaultCalendar).map((i) => [
    i.period_label,
    i.window_start,
    i.window_end,
    i.due,
  ]);

describe("Thời gian thực hiện → lịch (Schedule) và các lần thực hiện", () => {
  test("KH 2021 mục II.1.1 — định kỳ 6 tháng, tháng đầu tiên của kỳ tiếp theo: năm 2021 gồm kỳ cuối 2020 và kỳ đầu 2021", () => {
    const s = parseTiming("Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo.");
    assert.deepEqual(s, {
      kind: "recurring",
      text: "Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo",
      unit: "half_year",
      window: "first_month_of_next_period",
    });
    assert.deepEqual(due(s.text, 2021), [
      ["6 tháng cuối năm 2020", "2021-01-01", "2021-01-31", "2021-02-01"], // 31/01/2021 Chủ nhật
      ["6 tháng đầu năm 2021", "2021-07-01", "2021-07-31", "2021-08-02"], // 31/07/2021 Thứ Bảy
    ]);
    // The list for 6 tháng cuối năm 2021 is made in January 2022: it belongs to the 2022 plan year.
    assert.deepEqual(due(s.text, 2022)[0], ["6 tháng cuối năm 2021", "2022-01-01", "2022-01-31", "2022-02-07"]);
  });
  test("Bộ luật Dân sự 2015, Điều 148 khoản 5 — hạn 31/01/2022 rơi vào Tết Nhâm Dần (29/01–06/02/2022) → 07/02/2022", () => {
    const [inst] = expandSchedule(
      parseTiming("Định kỳ 6 tháng một lần, được thực hiện trong tháng đầu tiên của kỳ tiếp theo"),
      2022,
      defaultCalendar,
    );
    assert.equal(inst.due, "2022-02-07");
    const roll = inst.explanation.find((e) => e.rule === "rollover");
    assert.equal(roll?.source, "Bộ luật Dân sự 2015, Điều 148 khoản 5");
    assert.ok(inst.explanation.some((e) => e.rule === "skip" && e.date === "2022-02-01" && /Tết/u.test(e.text)));
  });
  test("KH 2021 mục II.1.2 — tháng đầu tiên hằng Quý: 4 lần, hạn cuối tháng 1, 4, 7, 10", () => {
    const s = parseTiming("Được thực hiện trong tháng đầu tiên hằng Quý.");
    assert.equal(s.kind, "recurring");
    assert.deepEqual(due(s.text, 2021), [
      ["Quý I năm 2021", "2021-01-01", "2021-01-31", "2021-02-01"],
      // 30/04 Ngày Chiến thắng (Thứ Sáu), 01/05 (Thứ Bảy), 02/05 Chủ nhật, 03/05 nghỉ bù → Thứ Ba 04/05/2021.
      ["Quý II năm 2021", "2021-04-01", "2021-04-30", "2021-05-04"],
      ["Quý III năm 2021", "2021-07-01", "2021-07-31", "2021-08-02"],
      ["Quý IV năm 2021", "2021-10-01", "2021-10-31", "2021-11-01"],
    ]);
  });
  test("KH Thanh Hóa 2024 mục II.6 — “Quý II, III năm 2024”: một khoảng 01/04–30/09/2024", () => {
    assert.deepEqual(parseTiming("Quý II, III năm 2024."), {
      kind: "dated",
      text: "Quý II, III năm 2024",
      periods: [
        { unit: "quarter", year: 2024, index: 2 },
        { unit: "quarter", year: 2024, index: 3 },
      ],
    });
    assert.deepEqual(due("Quý II, III năm 2024", 2024), [
      ["Quý II, III năm 2024", "2024-04-01", "2024-09-30", "2024-09-30"],
    ]);
  });
  test("quý không liền nhau “Quý I và Quý III năm 2025” → hai lần; 30/03/2025 là Chủ nhật… 31/03 Thứ Hai", () => {
    assert.deepEqual(due("Quý I và Quý III năm 2025", 2025), [
      ["Quý I năm 2025", "2025-01-01", "2025-03-31", "2025-03-31"],
      ["Quý III năm 2025", "2025-07-01", "2025-09-30", "2025-09-30"],
    ]);
  });
  test("KH Thanh Hóa 2024 mục II.5 — “Quý IV năm 2024”: hạn 31/12/2024 (Thứ Ba)", () => {
    assert.deepEqual(due("Quý IV năm 2024", 2024), [["Quý IV năm 2024", "2024-10-01", "2024-12-31", "2024-12-31"]]);
  });
  test("KH Thanh Hóa 2024 mục II.2 — “Năm 2024”; năm trong cụm từ thắng năm kế hoạch", () => {
    assert.deepEqual(due("Năm 2024.", 2030), [["Năm 2024", "2024-01-01", "2024-12-31", "2024-12-31"]]);
    // 31/12/2022 is a Saturday → Tuesday 03/01/2023 (02/01/2023 is the day off in lieu of Tết Dương lịch 01/01 Chủ nhật).
    assert.deepEqual(due("Năm 2022", 2022)[0][3], "2023-01-03");
  });
  test("KH Thanh Hóa 2024 mục II.7 — “Năm 2024 (Thời gian cụ thể theo yêu cầu của Bộ Tư pháp)”", () => {
    const s = parseTiming("Năm 2024 (Thời gian cụ thể theo yêu cầu của Bộ Tư pháp).");
    assert.deepEqual(s, {
      kind: "dated",
      text: "Năm 2024 (Thời gian cụ thể theo yêu cầu của Bộ Tư pháp)",
      periods: [{ unit: "year", year: 2024, index: 1 }],
      note: "Thời gian cụ thể theo yêu cầu của Bộ Tư pháp",
      requested_by: { text: "Bộ Tư pháp", role: "BO_TU_PHAP" },
    });
    const [inst] = expandSchedule(s, 2024, defaultCalendar);
    assert.ok(inst.explanation.some((e) => e.text === "Thời gian cụ thể theo yêu cầu của Bộ Tư pháp"));
  });
  test("“Thường xuyên” → continuous, một lần thực hiện mỗi kỳ báo cáo (mặc định 6 tháng; hạn Chủ nhật 30/6/2024 → 01/7/2024)", () => {
    assert.deepEqual(parseTiming("Thường xuyên."), { kind: "continuous", text: "Thường xuyên" });
    assert.deepEqual(due("Thường xuyên", 2024), [
      ["6 tháng đầu năm 2024", "2024-01-01", "2024-06-30", "2024-07-01"],
      ["6 tháng cuối năm 2024", "2024-07-01", "2024-12-31", "2024-12-31"],
    ]);
  });
  test("“Thường xuyên” với kỳ báo cáo theo quý do kế hoạch chọn → 4 lần thực hiện", () => {
    const list = expandSchedule(parseTiming("Thường xuyên"), 2024, defaultCalendar, { reporting_period: "quarter" });
    assert.deepEqual(
      list.map((i) => [i.period_label, i.due]),
      [
        ["Quý I năm 2024", "2024-04-01"],
        ["Quý II năm 2024", "2024-07-01"],
        ["Quý III năm 2024", "2024-09-30"],
        ["Quý IV năm 2024", "2024-12-31"],
      ],
    );
  });
  test("“Khi có yêu cầu” / “Khi có yêu cầu và theo kế hoạch” → theo sự kiện (yêu cầu)", () => {
    assert.deepEqual(parseTiming("Khi có yêu cầu."), {
      kind: "event",
      text: "Khi có yêu cầu",
      trigger: { type: "request" },
    });
    assert.deepEqual(parseTiming("Khi có yêu cầu và theo kế hoạch."), {
      kind: "event",
      text: "Khi có yêu cầu và theo kế hoạch",
      trigger: { type: "request", planned: true },
    });
    assert.deepEqual(due("Khi có yêu cầu", 2021), []);
  });
  test("“Theo đề nghị của …” → theo sự kiện, cơ quan đề nghị được nhận diện", () => {
    assert.deepEqual(parseTiming("Theo đề nghị của cơ quan THADS địa phương."), {
      kind: "event",
      text: "Theo đề nghị của cơ quan THADS địa phương",
      trigger: { type: "request", from: { text: "cơ quan THADS địa phương", role: "THADS_TINH" } },
    });
    const s = parseTiming("Theo đề nghị của Tổng cục Thi hành án dân sự");
    assert.equal(s.kind === "event" && s.trigger.type === "request" && s.trigger.from?.role, "TONG_CUC_THADS");
  });
  test("Thông tư 08/2019/TT-BTP, Điều 9 khoản 1 — “Khi có căn cứ theo dõi …” → căn cứ theo dõi", () => {
    assert.deepEqual(parseTiming("Khi có căn cứ theo dõi quy định tại khoản 1 Điều 9 TT số 08."), {
      kind: "event",
      text: "Khi có căn cứ theo dõi quy định tại khoản 1 Điều 9 TT số 08",
      trigger: {
        type: "ground",
        ground: "monitoring",
        reference: { document: "Thông tư 08/2019/TT-BTP", article: 9, clause: 1, text: "khoản 1 Điều 9 TT số 08" },
      },
    });
  });
  test("Thông tư 08/2019/TT-BTP, Điều 14 — “Khi có căn cứ đơn đốc …” (viết “đơn đốc” như bản gốc) → căn cứ đôn đốc", () => {
    const s = parseTiming("Khi có căn cứ đơn đốc quy định tại Điều 14 TT số 08 mà đã đề nghị UBND tỉnh đơn đốc.");
    assert.equal(s.kind, "event");
    if (s.kind !== "event" || s.trigger.type !== "ground") throw new Error("không phải căn cứ");
    assert.equal(s.trigger.ground, "urging");
    assert.deepEqual(s.trigger.reference, {
      document: "Thông tư 08/2019/TT-BTP",
      article: 14,
      text: "Điều 14 TT số 08",
    });
    assert.equal(s.trigger.condition, "mà đã đề nghị UBND tỉnh đơn đốc");
    assert.equal(parseTiming("Khi có căn cứ đôn đốc theo Điều 14 TT số 08").kind, "event");
  });
  test("KH 2021 mục II.2 — “Trên cơ sở danh mục vụ việc phức tạp, tồn đọng, kéo dài …” → theo danh mục", () => {
    assert.deepEqual(
      parseTiming("Trên cơ sở danh mục vụ việc phức tạp, tồn đọng, kéo dài, Cục BTNN tổ chức họp").kind,
      "event",
    );
    const s = parseTiming("Trên cơ sở danh mục vụ việc phức tạp, tồn đọng, kéo dài, Cục BTNN tổ chức họp");
    assert.deepEqual(s.kind === "event" && s.trigger, { type: "case_list", list: "complex_backlogged_prolonged" });
  });
  test("cụm từ không hiểu → unparsed (trình nhập kế hoạch cảnh báo)", () => {
    assert.deepEqual(parseTiming("Sau khi có ý kiến của lãnh đạo"), {
      kind: "unparsed",
      text: "Sau khi có ý kiến của lãnh đạo",
    });
    assert.deepEqual(parseTiming(""), { kind: "unparsed", text: "" });
    const plan = importPlan(
      "II. NỘI DUNG\n1. Việc A.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian thực hiện: tùy tình hình.\n",
      {
        year: 2024,
      },
    );
    assert.ok(plan.warnings.some((w) => w.code === "unparsed_timing" && w.text === "tùy tình hình"));
  });
  test("biến thể: “hằng quý” (trong quý), “6 tháng đầu năm 2024”, “trước ngày 30/6/2024”", () => {
    assert.deepEqual(
      due("Định kỳ hằng quý", 2024).map((r) => r[3]),
      ["2024-04-01", "2024-07-01", "2024-09-30", "2024-12-31"],
    );
    // 31/03/2024 Chủ nhật → 01/04; 30/06/2024 Chủ nhật → 01/07.
    assert.deepEqual(due("6 tháng đầu năm 2024", 2024), [
      ["6 tháng đầu năm 2024", "2024-01-01", "2024-06-30", "2024-07-01"],
    ]);
    assert.deepEqual(due("Trước ngày 15/3/2024", 2024), [
      ["Trước ngày 15/03/2024", "2024-01-01", "2024-03-15", "2024-03-15"],
    ]);
  });
});

describe("Thời hạn ghi một ngày không có thật", () => {
  test("“Trước ngày 31/02/2025”, “hạn 15/13/2025” → không đoán hạn: chưa hiểu được, giữ ngày như đã viết", () => {
    assert.deepEqual(parseTiming("Trước ngày 31/02/2025"), {
      kind: "unparsed",
      text: "Trước ngày 31/02/2025",
      impossible_date: "31/02/2025",
    });
    assert.equal((parseTiming("Hạn 15/13/2025") as { impossible_date?: string }).impossible_date, "15/13/2025");
    // Real days still give their deadline (29/02 of a leap year too).
    assert.equal(parseTiming("Trước ngày 29/02/2024").kind, "dated");
  });
  test("kế hoạch dạng bảng có hạn 31/02/2025 → cảnh báo tiếng Việt nêu mục và ngày, không lộ dạng YYYY-MM-DD", () => {
    const plan = importPlan(
      [
        "KẾ HOẠCH",
        "Công tác bồi thường nhà nước năm 2025",
        "II. NỘI DUNG",
        "| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |",
        "|---|---|---|---|---|",
        "| 1 | Báo cáo công tác bồi thường nhà nước 6 tháng | Sở Tư pháp | | Trước ngày 31/02/2025 |",
      ].join("\n"),
    );
    assert.equal(plan.tasks[0].timing?.kind, "unparsed");
    const w = plan.warnings.filter((x) => x.code === "unparsed_timing" || x.code === "import");
    assert.equal(w.length, 1, JSON.stringify(plan.warnings));
    assert.match(w[0].message, /ngày 31\/02\/2025 — ngày này không có thật/u);
    assert.doesNotMatch(JSON.stringify(plan.warnings), /YYYY|2025-02-31/u);
  });
});

describe("fold — khóa tìm kiếm nhanh, cùng kết quả với normalizeVi", () => {
  test("chữ có dấu, đ/Đ, hoa/thường, dấu câu", async () => {
    const { fold } = await import("./fold.ts");
    const { normalizeVi } = await import("../agencies/resolve.ts");
    for (const s of [
      "Thời gian thực hiện: Quý II, III năm 2024.",
      "ĐƠN ĐỐC — Đôn đốc",
      "  Bà Rịa - Vũng Tàu ",
      "Toà án / Tòa án",
      "",
    ])
      assert.equal(fold(s), normalizeVi(s), s);
  });
});
