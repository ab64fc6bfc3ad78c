// One test per parameter row, named after its citation, with the value read from the law text (legal-addendum /
// legal-brief) and a due date counted by hand on the official calendar (legal-addendum §7).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addPeriod } from "../calendar/periods.ts";
import type { PeriodUnit } from "../calendar/types.ts";
import { defaultCalendar } from "../calendar/work-calendar.ts";
import { LEGAL_PARAMETERS, type LegalParameter, parameterFor, type StepKey } from "./parameters.ts";

type Case = {
  name: string;
  key: StepKey;
  variant?: string;
  law: "law_2009" | "law_2017";
  expect: {
    value: number;
    unit: PeriodUnit;
    from_event: string;
    confidence: "confirmed" | "unverified";
    complex_value?: number;
    extension_max?: number;
  };
  /** Hand-counted: event date → due date (normal value); and optionally for the complex value. */
  from: string;
  due: string;
  complexDue?: string;
};

const CASES: Case[] = [
  {
    name: "Luật TNBTCNN 2017, Điều 6 khoản 1 — limitation: thời hiệu 03 năm kể từ ngày nhận văn bản làm căn cứ",
    key: "limitation",
    law: "law_2017",
    expect: { value: 3, unit: "years", from_event: "basis_document_received", confidence: "confirmed" },
    // 14/03/2023 + 3 năm = Sat 14/03/2026 → (Sun 15) → Mon 16/03/2026 (Bộ luật Dân sự, Điều 148 khoản 5)
    from: "2023-03-14",
    due: "2026-03-16",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 41 khoản 4; Nghị định 68/2018/NĐ-CP, Điều 32 khoản 2 và Điều 33 — agency_determination: Sở Tư pháp xác định cơ quan và chuyển hồ sơ trong 05 ngày làm việc",
    key: "agency_determination",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "so_tu_phap_received", confidence: "confirmed" },
    // Wed 24/12/2025 → Thu 25 (1), Fri 26 (2), Mon 29 (3), Tue 30 (4), Wed 31 (5)
    from: "2025-12-24",
    due: "2025-12-31",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 42 khoản 2 — supplement/agency_request: yêu cầu bổ sung trong 05 ngày làm việc (qua Tết 2025)",
    key: "supplement",
    variant: "agency_request",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "received", confidence: "confirmed" },
    // Thu 23/01 (1), Fri 24/01 (2), 25/01–02/02 nghỉ Tết + cuối tuần, Mon 03/02 (3), Tue 04/02 (4), Wed 05/02 (5)
    from: "2025-01-22",
    due: "2025-02-05",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 42 khoản 3 — supplement: người yêu cầu bổ sung trong 05 ngày làm việc (qua Tết 2026)",
    key: "supplement",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "supplement_requested", confidence: "confirmed" },
    // Fri 13/02 (1), 14/02–22/02 nghỉ, Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5)
    from: "2026-02-12",
    due: "2026-02-26",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 43 khoản 1 — accept: thụ lý trong 02 ngày làm việc",
    key: "accept",
    law: "law_2017",
    expect: { value: 2, unit: "working_days", from_event: "file_valid", confidence: "confirmed" },
    // Fri 24/01/2025 (1), Tết, Mon 03/02 (2)
    from: "2025-01-23",
    due: "2025-02-03",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 43 khoản 3 điểm a — appoint_officer: cử người giải quyết trong 02 ngày làm việc",
    key: "appoint_officer",
    law: "law_2017",
    expect: { value: 2, unit: "working_days", from_event: "accepted", confidence: "confirmed" },
    // from Fri 13/02/2026: Tết 14–22/02, Mon 23 (1), Tue 24 (2)
    from: "2026-02-13",
    due: "2026-02-24",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 44 khoản 2 điểm b — advance: tạm ứng trong 05 ngày làm việc (thứ Bảy 26/4/2025 làm bù)",
    key: "advance",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "advance_proposed", confidence: "confirmed" },
    // Wed 23 (1), Thu 24 (2), Fri 25 (3), Sat 26 làm bù (4), Sun 27 nghỉ, Mon 28 (5)
    from: "2025-04-22",
    due: "2025-04-28",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 44 khoản 2 điểm c — advance/finance_request: đề nghị cơ quan tài chính trong 02 ngày làm việc",
    key: "advance",
    variant: "finance_request",
    law: "law_2017",
    expect: { value: 2, unit: "working_days", from_event: "advance_proposed", confidence: "confirmed" },
    // Wed 30/4, Thu 1/5 lễ; Fri 2/5 nghỉ (hoán đổi); Sat 3, Sun 4; Mon 5/5 (1), Tue 6/5 (2)
    from: "2025-04-29",
    due: "2025-05-06",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 44 khoản 3 — advance_finance: cơ quan tài chính cấp tạm ứng trong 07 ngày làm việc",
    key: "advance_finance",
    law: "law_2017",
    expect: { value: 7, unit: "working_days", from_event: "advance_request_received", confidence: "confirmed" },
    // from Fri 04/04/2025: Sat, Sun, Mon 07/04 Giỗ Tổ; Tue 8 (1) … Fri 11 (4), Mon 14 (5), Tue 15 (6), Wed 16 (7)
    from: "2025-04-04",
    due: "2025-04-16",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 45 khoản 2 — verify: xác minh 15 ngày, phức tạp 30 ngày, kéo dài tối đa 15 ngày",
    key: "verify",
    law: "law_2017",
    expect: {
      value: 15,
      unit: "calendar_days",
      from_event: "accepted",
      confidence: "confirmed",
      complex_value: 30,
      extension_max: 15,
    },
    // 13/01/2025 + 15 = Tue 28/01 (Tết) → 29, 30, 31 Tết, Sat 1, Sun 2 → Mon 03/02
    from: "2025-01-13",
    due: "2025-02-03",
    // 13/01 + 30 = Wed 12/02/2025, a working day
    complexDue: "2025-02-12",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 45 khoản 3 — verification_report: báo cáo xác minh trong 03 ngày làm việc",
    key: "verification_report",
    law: "law_2017",
    expect: { value: 3, unit: "working_days", from_event: "verification_end", confidence: "confirmed" },
    // Fri 13/02/2026 (1), Tết, Mon 23 (2), Tue 24 (3)
    from: "2026-02-12",
    due: "2026-02-24",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 46 khoản 1 — negotiation_start: bắt đầu thương lượng trong 02 ngày làm việc",
    key: "negotiation_start",
    law: "law_2017",
    expect: { value: 2, unit: "working_days", from_event: "verification_report_done", confidence: "confirmed" },
    // from Fri 24/01/2025: Tết; Mon 03/02 (1), Tue 04/02 (2)
    from: "2025-01-24",
    due: "2025-02-04",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 46 khoản 2 — negotiation_end: thương lượng 10 ngày, phức tạp 15 ngày, kéo dài tối đa 10 ngày",
    key: "negotiation_end",
    law: "law_2017",
    expect: {
      value: 10,
      unit: "calendar_days",
      from_event: "negotiation_started",
      confidence: "confirmed",
      complex_value: 15,
      extension_max: 10,
    },
    // 10/02/2026 + 10 = Fri 20/02 (Tết) → Sat 21, Sun 22 → Mon 23/02
    from: "2026-02-10",
    due: "2026-02-23",
    // 10/02 + 15 = Wed 25/02/2026
    complexDue: "2026-02-25",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 47 khoản 1 — decision: ra quyết định ngay tại buổi thương lượng (0 ngày)",
    key: "decision",
    law: "law_2017",
    expect: { value: 0, unit: "calendar_days", from_event: "negotiation_ended", confidence: "confirmed" },
    from: "2025-02-20",
    due: "2025-02-20",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 47 khoản 1 đoạn 2 — refusal_minutes: gửi biên bản không nhận quyết định trong 05 ngày làm việc",
    key: "refusal_minutes",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "decision_refused", confidence: "confirmed" },
    // Tue 26 (1), Wed 27 (2), Thu 28 (3), Fri 29 (4), 30/8–2/9 nghỉ Quốc khánh, Wed 03/09 (5)
    from: "2025-08-25",
    due: "2025-09-03",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 47 khoản 2 — decision_effective: quyết định có hiệu lực sau 15 ngày kể từ ngày trao",
    key: "decision_effective",
    law: "law_2017",
    expect: { value: 15, unit: "calendar_days", from_event: "decision_issued", confidence: "confirmed" },
    // 16/01/2025 + 15 = Fri 31/01 (Tết) → Sat 1, Sun 2 → Mon 03/02
    from: "2025-01-16",
    due: "2025-02-03",
  },
  {
    name: "Nghị định 16/2010/NĐ-CP (hướng dẫn Luật TNBTCNN 2009) — decision_effective: (law_2009, chưa xác nhận) 15 ngày",
    key: "decision_effective",
    law: "law_2009",
    expect: { value: 15, unit: "calendar_days", from_event: "decision_issued", confidence: "unverified" },
    // Thu 01/06/2017 + 15 = Fri 16/06/2017
    from: "2017-06-01",
    due: "2017-06-16",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 50 khoản 1 — suspension_decision: quyết định tạm đình chỉ trong 01 ngày làm việc",
    key: "suspension_decision",
    law: "law_2017",
    expect: { value: 1, unit: "working_days", from_event: "suspension_ground", confidence: "confirmed" },
    // from Fri 25/04/2025: Sat 26/04/2025 là ngày làm bù → (1)
    from: "2025-04-25",
    due: "2025-04-26",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 50 — suspension_period: thời hạn tạm đình chỉ 30 ngày",
    key: "suspension_period",
    law: "law_2017",
    expect: { value: 30, unit: "calendar_days", from_event: "suspended", confidence: "confirmed" },
    // 31/03/2025 + 30 = Wed 30/04 (lễ) → Thu 1/5 lễ, Fri 2/5 nghỉ hoán đổi, Sat 3, Sun 4 → Mon 05/05
    from: "2025-03-31",
    due: "2025-05-05",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 50 — resume_request: đề nghị tiếp tục trong 05 ngày làm việc sau khi hết tạm đình chỉ",
    key: "resume_request",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "suspension_end", confidence: "confirmed" },
    // Tue 6 (1), Wed 7 (2), Thu 8 (3), Fri 9 (4), Mon 12/05/2025 (5)
    from: "2025-05-05",
    due: "2025-05-12",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 51 khoản 1 — termination_decision: quyết định đình chỉ trong 05 ngày làm việc",
    key: "termination_decision",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "termination_ground", confidence: "confirmed" },
    // from Wed 31/12/2025: Thu 1/1 lễ, Fri 2/1 nghỉ (hoán đổi), Sat 3, Sun 4; Mon 5 (1) … Fri 9/01/2026 (5)
    from: "2025-12-31",
    due: "2026-01-09",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 51 khoản 1 điểm đ — refusal_termination: 30 ngày sau biên bản không nhận quyết định",
    key: "refusal_termination",
    law: "law_2017",
    expect: { value: 30, unit: "calendar_days", from_event: "decision_refused", confidence: "confirmed" },
    // 28/12/2024 + 30 = Mon 27/01/2025 (Tết) → 28–31/01 Tết, Sat 1, Sun 2 → Mon 03/02
    from: "2024-12-28",
    due: "2025-02-03",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 52 khoản 2 — sue: khởi kiện trong 15 ngày kể từ ngày nhận quyết định",
    key: "sue",
    law: "law_2017",
    expect: { value: 15, unit: "calendar_days", from_event: "decision_issued", confidence: "confirmed" },
    // 06/02/2026 + 15 = Sat 21/02 → Sun 22 → Mon 23/02
    from: "2026-02-06",
    due: "2026-02-23",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 52 khoản 2 — sue/negotiation: khởi kiện trong 15 ngày kể từ biên bản thương lượng",
    key: "sue",
    variant: "negotiation",
    law: "law_2017",
    expect: { value: 15, unit: "calendar_days", from_event: "negotiation_ended", confidence: "confirmed" },
    // 18/08/2025 + 15 = Tue 02/09 (Quốc khánh) → Wed 03/09
    from: "2025-08-18",
    due: "2025-09-03",
  },
  {
    name: "Luật TNBTCNN 2009 (khởi kiện quyết định giải quyết bồi thường) — sue: (law_2009, chưa xác nhận) 15 ngày",
    key: "sue",
    law: "law_2009",
    expect: { value: 15, unit: "calendar_days", from_event: "decision_issued", confidence: "unverified" },
    from: "2017-06-01",
    due: "2017-06-16",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 62 khoản 1 — funds_request: gửi hồ sơ đề nghị cấp kinh phí trong 02 ngày làm việc",
    key: "funds_request",
    law: "law_2017",
    expect: { value: 2, unit: "working_days", from_event: "decision_effective", confidence: "confirmed" },
    // from Fri 29/08/2025: Sat, Sun, Mon 1/9, Tue 2/9 nghỉ; Wed 3 (1), Thu 4 (2)
    from: "2025-08-29",
    due: "2025-09-04",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 62 khoản 4 — funds_grant: cơ quan tài chính cấp phát trong 05 ngày làm việc",
    key: "funds_grant",
    law: "law_2017",
    expect: { value: 5, unit: "working_days", from_event: "funds_requested", confidence: "confirmed" },
    // Tue 10 (1), Wed 11 (2), Thu 12 (3), Fri 13 (4), Tết, Mon 23/02/2026 (5)
    from: "2026-02-09",
    due: "2026-02-23",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 62 khoản 4 đoạn 2 — funds_grant/coordination: cấp phát trong 15 ngày khi phải phối hợp",
    key: "funds_grant",
    variant: "coordination",
    law: "law_2017",
    expect: { value: 15, unit: "calendar_days", from_event: "funds_requested", confidence: "confirmed" },
    // 18/04/2025 + 15 = Sat 03/05 → Sun 4 → Mon 05/05
    from: "2025-04-18",
    due: "2025-05-05",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 62 khoản 5 — payment_notice: thông báo chi trả trong 02 ngày làm việc (hoán đổi 2024)",
    key: "payment_notice",
    law: "law_2017",
    expect: { value: 2, unit: "working_days", from_event: "funds_received", confidence: "confirmed" },
    // from Thu 25/04/2024: Fri 26 (1); Sat 27, Sun 28; Mon 29/04 nghỉ (hoán đổi); Tue 30/4, Wed 1/5 lễ; Thu 02/05 (2)
    from: "2024-04-25",
    due: "2024-05-02",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 62 khoản 5 — payment: chi trả trong 02 ngày làm việc (thứ Bảy 04/5/2024 làm bù)",
    key: "payment",
    law: "law_2017",
    expect: { value: 2, unit: "working_days", from_event: "payment_notice_received", confidence: "confirmed" },
    // Fri 03/05/2024 (1), Sat 04/05/2024 làm bù (2)
    from: "2024-05-02",
    due: "2024-05-04",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 62 khoản 6 — unclaimed_payment: sau 03 năm không nhận tiền thì nộp ngân sách",
    key: "unclaimed_payment",
    law: "law_2017",
    expect: { value: 3, unit: "years", from_event: "payment_notice_received", confidence: "confirmed" },
    // 19/03/2025 + 3 năm = Sun 19/03/2028 → Mon 20/03/2028
    from: "2025-03-19",
    due: "2028-03-20",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 66 khoản 1 — recourse_council: thành lập Hội đồng trong 10 ngày kể từ ngày chi trả xong",
    key: "recourse_council",
    law: "law_2017",
    expect: { value: 10, unit: "calendar_days", from_event: "paid", confidence: "confirmed" },
    // 17/01/2025 + 10 = Mon 27/01 (Tết) → … → Mon 03/02
    from: "2025-01-17",
    due: "2025-02-03",
  },
  {
    name: "Luật TNBTCNN 2017, Điều 66 khoản 2 — council_recommendation: Hội đồng kiến nghị trong 20 ngày, phức tạp tối đa 30 ngày",
    key: "council_recommendation",
    law: "law_2017",
    expect: {
      value: 20,
      unit: "calendar_days",
      from_event: "council_established",
      confidence: "confirmed",
      complex_value: 30,
    },
    // 31/03/2025 + 20 = Sun 20/04 → Mon 21/04
    from: "2025-03-31",
    due: "2025-04-21",
    // 31/03 + 30 = Wed 30/04 (lễ) → … → Mon 05/05
    complexDue: "2025-05-05",
  },
  {
    name: "Nghị định 68/2018/NĐ-CP, Điều 30 khoản 1 điểm a — recourse_decision: quyết định hoàn trả trong 03 ngày làm việc",
    key: "recourse_decision",
    law: "law_2017",
    expect: { value: 3, unit: "working_days", from_event: "council_recommended", confidence: "confirmed" },
    // Fri 25/04/2025 (1), Sat 26/04 làm bù (2), Mon 28/04 (3)
    from: "2025-04-24",
    due: "2025-04-28",
  },
];

const registered: string[] = [];
function lawTest(name: string, fn: () => void): void {
  registered.push(name);
  test(name, fn);
}

describe("Tham số thời hạn theo luật (legal/parameters)", () => {
  for (const c of CASES) {
    lawTest(c.name, () => {
      const p = parameterFor(c.key, c.law, c.from, c.variant);
      assert.ok(p, `không tìm thấy tham số ${c.key}/${c.variant ?? ""} (${c.law}) ngày ${c.from}`);
      assert.equal(p.value, c.expect.value);
      assert.equal(p.unit, c.expect.unit);
      assert.equal(p.from_event, c.expect.from_event);
      assert.equal(p.confidence, c.expect.confidence);
      assert.equal(p.complex_value, c.expect.complex_value);
      assert.equal(p.extension_max, c.expect.extension_max);
      assert.ok(c.name.startsWith(p.cite), `tên kiểm thử phải bắt đầu bằng trích dẫn "${p.cite}"`);
      assert.equal(addPeriod(defaultCalendar, c.from, p.value, p.unit).date, c.due);
      if (c.complexDue) {
        assert.ok(p.complex_value !== undefined);
        assert.equal(addPeriod(defaultCalendar, c.from, p.complex_value, p.unit).date, c.complexDue);
      }
    });
  }

  lawTest("Luật TNBTCNN 2017 có hiệu lực từ 01/7/2018 — không có tham số law_2017 trước ngày này", () => {
    assert.equal(parameterFor("verify", "law_2017", "2018-06-30"), undefined);
    assert.equal(parameterFor("verify", "law_2017", "2018-07-01")?.value, 15);
  });

  lawTest("Luật TNBTCNN 2009 — các bước khác không có tham số (không đoán giá trị)", () => {
    for (const key of ["accept", "verify", "negotiation_end", "funds_request", "payment"] as StepKey[]) {
      assert.equal(parameterFor(key, "law_2009", "2017-01-01"), undefined, key);
    }
    // The 2009-law rows stay applicable after 01/7/2018 to claims accepted before that date.
    assert.equal(parameterFor("decision_effective", "law_2009", "2019-03-01")?.confidence, "unverified");
  });

  lawTest("parameterFor chọn dòng có hiệu lực vào ngày tính (tham số theo thời gian)", () => {
    const rows = LEGAL_PARAMETERS.filter((r) => r.key === "verify" && r.law === "law_2017");
    assert.equal(rows.length, 1);
    // An amendment is a new row: the old one closes, the new one starts; the date of the event picks the row.
    const amended: LegalParameter[] = [
      ...LEGAL_PARAMETERS.filter((r) => r !== rows[0]),
      { ...rows[0], effective_to: "2030-06-30" },
      { ...rows[0], value: 20, effective_from: "2030-07-01" },
    ];
    assert.equal(parameterFor("verify", "law_2017", "2030-06-30", undefined, amended)?.value, 15);
    assert.equal(parameterFor("verify", "law_2017", "2030-07-01", undefined, amended)?.value, 20);
    assert.equal(parameterFor("verify", "law_2017", "2030-07-01")?.value, 15);
  });

  lawTest("Mọi dòng tham số có trích dẫn, ngày hiệu lực và độ tin cậy hợp lệ", () => {
    const seen = new Set<string>();
    for (const r of LEGAL_PARAMETERS) {
      const id = `${r.key}/${r.variant ?? ""}/${r.law}/${r.effective_from}`;
      assert.ok(!seen.has(id), `dòng trùng: ${id}`);
      seen.add(id);
      assert.match(r.cite, /^(Luật TNBTCNN 20(09|17)|Nghị định \d+\/\d{4}\/NĐ-CP)/);
      assert.match(r.effective_from, /^\d{4}-\d{2}-\d{2}$/);
      if (r.law === "law_2009") assert.equal(r.confidence, "unverified", `${id}: Luật 2009 chưa được xác nhận`);
    }
  });

  // Guard: every parameter row needs a test whose name contains its citation and its key.
  test("Kiểm tra bao phủ: mỗi dòng tham số có kiểm thử mang tên trích dẫn của nó", () => {
    const missing = LEGAL_PARAMETERS.filter(
      (r) =>
        !registered.some((n) => n.includes(r.cite) && n.includes(r.variant ? `${r.key}/${r.variant}` : `${r.key}:`)),
    ).map((r) => `${r.cite} (${r.key}${r.variant ? `/${r.variant}` : ""}, ${r.law})`);
    assert.deepEqual(missing, []);
  });
});
