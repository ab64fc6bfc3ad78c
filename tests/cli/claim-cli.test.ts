import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { btnn, btnnJson, tempJson } from "./run-cli.ts";

type Report = {
  deadlines: Array<{
    step: string;
    due: string;
    unit: string;
    days: number;
    basis: string;
    confidence: string;
    status: string;
    from_date: string;
    explanation: unknown[];
  }>;
  overdue: Array<{ step: string }>;
  next_actions: Array<{ event: string; label: string; basis: string }>;
  unrecorded: Array<{ index: number; event: string; missing: string[]; message: string }>;
  not_computed: Array<{ step: string; depends_on: string; message: string }>;
};

const accepted = {
  law: "law_2017",
  complex: false,
  events: [
    { type: "received", date: "2026-02-05" },
    { type: "file_valid", date: "2026-02-09" },
    { type: "accepted", date: "2026-02-10" },
  ],
};

describe("btnn claim deadlines", () => {
  test("Luật TNBTCNN 2017, Điều 43 khoản 3 điểm a và Điều 45 khoản 2 — hạn cử người và xác minh sau khi thụ lý 10/02/2026", () => {
    const r = btnnJson<Report>("claim", "deadlines", "--file", tempJson(accepted), "--as-of", "2026-03-20");
    const by = new Map(r.deadlines.map((d) => [d.step, d]));
    // Thụ lý Thứ Ba 10/02/2026: ngày làm việc thứ 2 sau đó là Thứ Năm 12/02/2026 (trước kỳ nghỉ Tết từ 14/02).
    assert.equal(by.get("appoint_officer")?.due, "2026-02-12");
    assert.equal(by.get("appoint_officer")?.unit, "working_days");
    // 15 ngày lịch: 10/02 + 15 = 25/02/2026 (Thứ Tư, ngày làm việc).
    assert.equal(by.get("verify")?.due, "2026-02-25");
    assert.match(by.get("verify")?.basis ?? "", /Điều 45/);
    // Thụ lý đúng hạn: hồ sơ hợp lệ 09/02, thụ lý 10/02 ≤ hạn 11/02.
    assert.equal(by.get("accept")?.status, "met");
    assert.deepEqual(
      r.overdue.map((d) => d.step).sort(),
      r.deadlines
        .filter((d) => d.status === "overdue")
        .map((d) => d.step)
        .sort(),
    );
    assert.ok(r.overdue.some((d) => d.step === "verify"));
    assert.ok(r.next_actions.some((a) => a.event === "officer_appointed"));
    for (const d of r.deadlines) {
      assert.ok(["confirmed", "unverified"].includes(d.confidence));
      assert.ok(d.explanation.length >= 2, `${d.step} thiếu giải thích`);
    }
  });

  test("lịch sử không đầy đủ (bắt đầu từ thụ lý) là đầu vào hợp lệ", () => {
    const r = btnnJson<Report>(
      "claim",
      "deadlines",
      "--file",
      tempJson({ law: "law_2017", events: [{ type: "accepted", date: "2026-02-10" }] }),
    );
    assert.ok(r.deadlines.some((d) => d.step === "verify"));
  });

  test("Luật TNBTCNN 2017, Điều 62 khoản 1, 4 — nhập bổ sung: quyết định có hiệu lực rồi nhận kinh phí, thiếu bước đề nghị cấp kinh phí → mã thoát 0, cảnh báo nêu bước thiếu", () => {
    const history = {
      law: "law_2017",
      events: [
        { type: "decision_effective", date: "2026-03-02" },
        { type: "funds_received", date: "2026-03-20" },
      ],
    };
    const r = btnnJson<Report>("claim", "deadlines", "--file", tempJson(history), "--as-of", "2026-04-01");
    assert.deepEqual(
      r.unrecorded.map((u) => [u.event, u.missing]),
      [["funds_received", ["funds_requested"]]],
    );
    assert.match(r.unrecorded[0].message, /chưa ghi nhận: "Gửi hồ sơ đề nghị cấp kinh phí bồi thường"/);
    const by = new Map(r.deadlines.map((d) => [d.step, d]));
    // Hạn đề nghị cấp kinh phí tính được (từ ngày có hiệu lực) nhưng bước làm nó chưa ghi nhận: không báo quá hạn.
    assert.equal(by.get("funds_request")?.status, "unrecorded");
    assert.ok(!r.overdue.some((d) => d.step === "funds_request"));
    // Hạn thông báo chi trả không phụ thuộc bước thiếu: tính từ ngày nhận kinh phí 20/03/2026 (Điều 62 khoản 5).
    assert.equal(by.get("payment_notice")?.from_date, "2026-03-20");
    assert.equal(by.get("payment_notice")?.status, "overdue");
    // Hạn cấp kinh phí đếm từ bước thiếu: nêu tên, không tính.
    assert.deepEqual(
      r.not_computed.map((n) => [n.step, n.depends_on]),
      [["funds_grant", "funds_requested"]],
    );
    const text = btnn("claim", "deadlines", "--file", tempJson(history), "--as-of", "2026-04-01");
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /Cảnh báo: chưa ghi nhận: "Gửi hồ sơ đề nghị cấp kinh phí bồi thường" \(funds_requested\)/,
    );
    assert.match(text.stdout, /Không tính được/);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    [
      "loại sự kiện không tồn tại",
      { law: "law_2017", events: [{ type: "foo", date: "2026-02-10" }] },
      /^Lỗi: events\[0\]\.type: /,
    ],
    [
      "ngày sai định dạng",
      { law: "law_2017", events: [{ type: "accepted", date: "10/02/2026" }] },
      /^Lỗi: events\[0\]\.date/,
    ],
    [
      "ngày không tồn tại",
      { law: "law_2017", events: [{ type: "accepted", date: "2026-02-30" }] },
      /^Lỗi: events\[0\]\.date/,
    ],
    [
      "thứ tự sự kiện không thể xảy ra",
      {
        law: "law_2017",
        events: [
          { type: "accepted", date: "2026-02-10" },
          { type: "received", date: "2026-02-11" },
        ],
      },
      /^Lỗi: events\[1\]/,
    ],
    [
      "chi trả sau khi đã đình chỉ (mâu thuẫn, không phải bước thiếu)",
      {
        law: "law_2017",
        events: [
          { type: "accepted", date: "2026-02-10" },
          { type: "terminated", date: "2026-02-11", ground: "b" },
          { type: "paid", date: "2026-03-11" },
        ],
      },
      /^Lỗi: events\[2\].*đã kết thúc/,
    ],
    ["luật không hợp lệ", { law: "law_2020", events: [] }, /^Lỗi: law/],
  ];
  for (const [name, input, re] of bad) {
    test(`đầu vào sai (${name}) → một dòng lỗi tiếng Việt nêu trường, mã thoát 2`, () => {
      const r = btnn("claim", "deadlines", "--file", tempJson(input), "--json");
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split("\n").length, 1);
      assert.equal(r.stdout, "");
    });
  }
  test("tệp không phải JSON / không tồn tại / --as-of sai → mã thoát 2", () => {
    assert.match(btnn("claim", "deadlines", "--file", tempJson("{not json")).stderr, /--file: .*không phải JSON/);
    assert.equal(btnn("claim", "deadlines", "--file", "/nonexistent/x.json").code, 2);
    const r = btnn("claim", "deadlines", "--file", tempJson(accepted), "--as-of", "2026-2-1");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--as-of/);
  });
});
