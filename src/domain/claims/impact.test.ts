import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../calendar/index.ts";
import { LEGAL_PARAMETERS } from "../legal/parameters.ts";
import { parseClaimHistory } from "./events.ts";
import { calendarWithDay, deadlineImpact, parametersWithChange } from "./impact.ts";

const current = { calendar: defaultCalendar };
const received = (date: string) =>
  parseClaimHistory({ law: "law_2017", complex: false, events: [{ type: "received", date }] });
const accepted = parseClaimHistory({
  law: "law_2017",
  complex: false,
  events: [
    { type: "received", date: "2026-03-02" },
    { type: "file_valid", date: "2026-03-03" },
    { type: "accepted", date: "2026-03-04" },
  ],
});

describe("Xem trước ảnh hưởng của thay đổi lịch / tham số (deadlineImpact)", () => {
  test("Luật TNBTCNN 2017, Điều 42 khoản 2 — thêm ngày nghỉ 31/12/2026: hạn 05 ngày làm việc tính từ 28/12/2026 dời từ 05/01/2027 sang 06/01/2027", () => {
    // From Mon 28/12: 29, 30, 31 (Thu), [01/01 Tết Dương lịch], 04, 05 → 05/01/2027.
    // With 31/12 off: 29, 30, [31], [01/01], 04, 05, 06 → 06/01/2027.
    const proposed = {
      calendar: calendarWithDay({
        date: "2026-12-31",
        kind: "swapped_off",
        name: "Nghỉ hoán đổi (dự thảo)",
        source: "Dự thảo thông báo",
      }),
    };
    const moves = deadlineImpact(
      [{ id: "c1", code: "BT-1", history: received("2026-12-28") }],
      current,
      proposed,
      "2026-12-28",
    );
    assert.deepEqual(
      moves.map((m) => [m.claim_code, m.step, m.variant, m.old_due, m.new_due, m.shift_days, m.status]),
      [["BT-1", "supplement", "agency_request", "2027-01-05", "2027-01-06", 1, "open"]],
    );
  });

  test("Luật TNBTCNN 2017, Điều 42 khoản 2 — hạn đã thực hiện hoặc ngoài khoảng tính thì không liệt kê; hạn bổ sung của người yêu cầu (khoản 3) vẫn dời", () => {
    const proposed = {
      calendar: calendarWithDay({ date: "2026-12-31", kind: "swapped_off", name: "Nghỉ", source: "Dự thảo" }),
    };
    // Done: supplement requested on 29/12 → the duty is met, it does not "move".
    const done = parseClaimHistory({
      law: "law_2017",
      complex: false,
      events: [
        { type: "received", date: "2026-12-28" },
        { type: "supplement_requested", date: "2026-12-29" },
      ],
    });
    // Counted from 04/01/2027: 31/12/2026 is outside the counting window.
    const later = received("2027-01-04");
    const moves = deadlineImpact(
      [
        { id: "done", history: done },
        { id: "later", history: later },
      ],
      current,
      proposed,
      "2026-12-30",
    );
    // Only the claimant's own supplement period (Điều 42 khoản 3, 05 WD from 29/12) moves: 30, 31, 04, 05, 06 →
    // 06/01/2027; with 31/12 off: 30, 04, 05, 06, 07 → 07/01/2027. The agency's duty (met on 29/12) is not listed.
    assert.deepEqual(
      moves.map((m) => [m.claim_id, m.step, m.variant ?? null, m.old_due, m.new_due]),
      [["done", "supplement", null, "2027-01-06", "2027-01-07"]],
    );
  });

  test("Luật TNBTCNN 2017, Điều 45 khoản 2, 3 — đổi thời hạn xác minh 15 → 30 ngày: hạn xác minh và hạn báo cáo xác minh cùng dời", () => {
    // Accepted 04/03/2026: 15 days → 19/03; 30 days → 03/04. Report 03 WD after: 24/03 (Fri 20, Mon 23, Tue 24)
    // → 08/04 (Mon 06, Tue 07, Wed 08).
    const proposed = {
      calendar: defaultCalendar,
      parameters: parametersWithChange({ key: "verify", law: "law_2017", value: 30 }),
    };
    const moves = deadlineImpact([{ id: "c2", history: accepted }], current, proposed, "2026-03-05");
    assert.deepEqual(
      moves.map((m) => [m.step, m.old_due, m.new_due]),
      [
        ["verify", "2026-03-19", "2026-04-03"],
        ["verification_report", "2026-03-24", "2026-04-08"],
      ],
    );
    assert.match(moves[0].basis, /Điều 45 khoản 2/);
  });

  test("Luật TNBTCNN 2017, Điều 45 khoản 2 — sửa đổi có ngày hiệu lực sau ngày thụ lý thì không làm dời hạn", () => {
    const table = parametersWithChange({ key: "verify", law: "law_2017", value: 30, effective_from: "2026-06-01" });
    assert.equal(table.length, LEGAL_PARAMETERS.length + 1);
    const moves = deadlineImpact(
      [{ id: "c2", history: accepted }],
      current,
      { calendar: defaultCalendar, parameters: table },
      "2026-03-05",
    );
    assert.deepEqual(moves, []);
  });

  test("Tham số không có trong bảng → lỗi tiếng Việt nêu trường", () => {
    assert.throws(
      () => parametersWithChange({ key: "verify", law: "law_2009", value: 30 }),
      (e: Error & { field?: string }) => e.field === "key" && /Không có thời hạn/.test(e.message),
    );
  });
});
