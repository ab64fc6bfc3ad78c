import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DomainError } from "../shared/errors.ts";
import type { ClaimEvent, ClaimHistory, EventType } from "./events.ts";
import { parseClaimHistory } from "./events.ts";
import { checkLiveStep, nextActions, replay } from "./procedure.ts";

type Ev = [EventType, string, string?];
function h(events: Ev[], law: "law_2009" | "law_2017" = "law_2017"): ClaimHistory {
  return {
    law,
    complex: false,
    events: events.map(([type, date, ground]): ClaimEvent => (ground ? { type, date, ground } : { type, date })),
  };
}

function throwsAt(fn: () => unknown, code: string, field: string, messagePart?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DomainError, `expected DomainError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.field, field, e.message);
    if (messagePart) assert.ok(e.message.includes(messagePart), e.message);
    return true;
  });
}

describe("parseClaimHistory — kiểm tra dữ liệu đầu vào", () => {
  test("loại sự kiện không tồn tại → events[2].type, thông báo tiếng Việt", () => {
    const input = {
      law: "law_2017",
      complex: false,
      events: [
        { type: "received", date: "2025-01-13" },
        { type: "accepted", date: "2025-01-15" },
        { type: "foo", date: "2025-01-16" },
      ],
    };
    throwsAt(
      () => parseClaimHistory(input),
      "unknown_event_type",
      "events[2].type",
      'events[2].type: loại sự kiện không tồn tại "foo"',
    );
  });

  test("ngày không có thật (30/02) và sai dạng → events[i].date", () => {
    const base = { law: "law_2017", complex: false };
    throwsAt(
      () => parseClaimHistory({ ...base, events: [{ type: "received", date: "2025-02-30" }] }),
      "invalid_date",
      "events[0].date",
      "ngày không có thật",
    );
    throwsAt(
      () => parseClaimHistory({ ...base, events: [{ type: "received", date: "13/01/2025" }] }),
      "invalid_date",
      "events[0].date",
      "YYYY-MM-DD",
    );
  });

  test("luật áp dụng không hợp lệ → law", () => {
    throwsAt(
      () => parseClaimHistory({ law: "law_2020", complex: false, events: [] }),
      "invalid_law",
      "law",
      "law_2009",
    );
  });

  test("Luật TNBTCNN 2017, Điều 43 khoản 2 — không thụ lý phải nêu căn cứ a–h", () => {
    throwsAt(
      () => parseClaimHistory({ law: "law_2017", complex: false, events: [{ type: "refused", date: "2025-01-13" }] }),
      "missing_ground",
      "events[0].ground",
    );
    throwsAt(
      () =>
        parseClaimHistory({
          law: "law_2017",
          complex: false,
          events: [{ type: "refused", date: "2025-01-13", ground: "i" }],
        }),
      "invalid_ground",
      "events[0].ground",
    );
    const ok = parseClaimHistory({
      law: "law_2017",
      complex: false,
      events: [
        { type: "received", date: "2025-01-13" },
        { type: "refused", date: "2025-01-14", ground: "dd" },
      ],
    });
    assert.equal(ok.events[1].ground, "đ");
  });

  test("Luật TNBTCNN 2017, Điều 45 khoản 2 — kéo dài xác minh quá 15 ngày bị từ chối", () => {
    throwsAt(
      () => parseClaimHistory({ law: "law_2017", complex: false, events: [], extensions: { verify: 16 } }),
      "invalid_input",
      "extensions.verify",
      "15",
    );
    const ok = parseClaimHistory({ law: "law_2017", events: [], extensions: { verify: 15, negotiation_end: 10 } });
    assert.deepEqual(ok.extensions, { verify: 15, negotiation_end: 10 });
    assert.equal(ok.complex, false);
  });
});

describe("Trình tự giải quyết (máy trạng thái)", () => {
  test("Luật TNBTCNN 2017, Điều 42, 43 — nhận, bổ sung, hồ sơ hợp lệ, thụ lý theo thứ tự", () => {
    const s = replay(
      h([
        ["received", "2025-01-13"],
        ["supplement_requested", "2025-01-16"],
        ["file_valid", "2025-01-22"],
        ["accepted", "2025-01-24"],
      ]),
    );
    assert.equal(s.phase, "accepted");
    assert.equal(s.terminal, false);
  });

  test("lịch sử một phần: có thể bắt đầu từ thụ lý hoặc từ kết thúc thương lượng", () => {
    assert.equal(replay(h([["accepted", "2025-01-24"]])).phase, "accepted");
    const s = replay(
      h([
        ["negotiation_ended", "2025-02-20", "success"],
        ["decision_issued", "2025-02-20"],
      ]),
    );
    assert.equal(s.phase, "decided");
    assert.equal(s.entry, "negotiation_ended");
  });

  test("Luật TNBTCNN 2017, Điều 46 khoản 2 — nhập bổ sung: kết thúc thương lượng khi chưa ghi bắt đầu thương lượng là cảnh báo “chưa ghi nhận”", () => {
    const s = replay(
      h([
        ["accepted", "2025-01-24"],
        ["verification_report_done", "2025-02-07"],
        ["negotiation_ended", "2025-02-20"],
      ]),
    );
    assert.equal(s.phase, "negotiated");
    assert.deepEqual(
      s.unrecorded.map((u) => [u.index, u.missing]),
      [[2, ["negotiation_started"]]],
    );
    assert.match(s.unrecorded[0].message, /chưa ghi nhận: "Bắt đầu thương lượng việc bồi thường"/);
    assert.equal(s.unrecorded[0].after, "2025-02-07");
  });

  test("sự kiện ghi ngày sớm hơn sự kiện trước nó → events[i].date", () => {
    throwsAt(
      () =>
        replay(
          h([
            ["received", "2025-01-13"],
            ["accepted", "2025-01-10"],
          ]),
        ),
      "event_out_of_order",
      "events[1].date",
      "sớm hơn",
    );
  });

  test("Luật TNBTCNN 2017, Điều 43 khoản 1 — nhận hồ sơ sau khi đã thụ lý là sai thứ tự", () => {
    throwsAt(
      () =>
        replay(
          h([
            ["accepted", "2025-01-24"],
            ["received", "2025-01-25"],
          ]),
        ),
      "transition_not_allowed",
      "events[1]",
    );
  });

  test("Luật TNBTCNN 2017, Điều 51 khoản 2 — sau khi đình chỉ không được chi trả", () => {
    throwsAt(
      () =>
        replay(
          h([
            ["accepted", "2025-01-24"],
            ["terminated", "2025-02-03", "b"],
            ["paid", "2025-03-01"],
          ]),
        ),
      "transition_not_allowed",
      "events[2]",
      "đã kết thúc",
    );
  });

  test("Luật TNBTCNN 2017, Điều 43 khoản 4 — dừng giải quyết sau khi thụ lý khi phát hiện căn cứ không thụ lý", () => {
    const s = replay(
      h([
        ["accepted", "2025-01-24"],
        ["refused", "2025-02-03", "h"],
      ]),
    );
    assert.equal(s.phase, "refused");
    assert.equal(s.terminal, true);
  });

  test("Luật TNBTCNN 2017, Điều 44 khoản 2 — chi tạm ứng khi chưa ghi đề xuất tạm ứng: cảnh báo khi nhập bổ sung, chi hai lần là mâu thuẫn", () => {
    const gap = replay(
      h([
        ["accepted", "2025-01-24"],
        ["advance_paid", "2025-02-03"],
      ]),
    );
    assert.deepEqual(gap.unrecorded[0].missing, ["advance_proposed"]);
    throwsAt(
      () =>
        replay(
          h([
            ["accepted", "2025-01-24"],
            ["advance_proposed", "2025-01-24"],
            ["advance_paid", "2025-02-03"],
            ["advance_paid", "2025-02-04"],
          ]),
        ),
      "transition_not_allowed",
      "events[3]",
      "đã chi tạm ứng",
    );
    const s = replay(
      h([
        ["accepted", "2025-01-24"],
        ["advance_proposed", "2025-01-24"],
        ["advance_paid", "2025-02-03"],
      ]),
    );
    assert.equal(s.advance, "paid");
  });

  test("Luật TNBTCNN 2017, Điều 50 — đang tạm đình chỉ thì không được thương lượng; tiếp tục thì được", () => {
    const events: Ev[] = [
      ["accepted", "2025-01-24"],
      ["verification_report_done", "2025-02-07"],
      ["negotiation_started", "2025-02-11"],
      ["suspension_ground", "2025-02-14", "a"],
      ["suspended", "2025-02-17"],
    ];
    throwsAt(
      () => replay(h([...events, ["negotiation_ended", "2025-02-20"]])),
      "claim_suspended",
      "events[5]",
      "tạm đình chỉ",
    );
    const s = replay(h([...events, ["resumed", "2025-03-19"], ["negotiation_ended", "2025-03-20"]]));
    assert.equal(s.phase, "negotiated");
    assert.equal(s.suspended, null);
    throwsAt(
      () =>
        replay(
          h([
            ["accepted", "2025-01-24"],
            ["resumed", "2025-02-01"],
          ]),
        ),
      "transition_not_allowed",
      "events[1]",
    );
  });

  test("Luật TNBTCNN 2017, Điều 46 khoản 8 — thương lượng không thành thì không ra quyết định", () => {
    throwsAt(
      () =>
        replay(
          h([
            ["negotiation_started", "2025-02-11"],
            ["negotiation_ended", "2025-02-20", "failure"],
            ["decision_issued", "2025-02-21"],
          ]),
        ),
      "transition_not_allowed",
      "events[2]",
      "không thành",
    );
  });

  test("Luật TNBTCNN 2017, Điều 52 khoản 1 điểm b — khởi kiện sau khi đình chỉ vì rút yêu cầu", () => {
    const s = replay(
      h([
        ["accepted", "2025-01-24"],
        ["termination_ground", "2025-01-27", "a"],
        ["terminated", "2025-02-03"],
        ["sued_in_court", "2025-02-10"],
      ]),
    );
    assert.equal(s.phase, "in_court");
    throwsAt(
      () =>
        replay(
          h([
            ["accepted", "2025-01-24"],
            ["terminated", "2025-02-03", "b"],
            ["sued_in_court", "2025-02-10"],
          ]),
        ),
      "transition_not_allowed",
      "events[2]",
      "rút yêu cầu",
    );
  });

  test("Luật TNBTCNN 2017, Điều 52 khoản 4 — không khởi kiện khi quyết định đã có hiệu lực", () => {
    throwsAt(
      () =>
        replay(
          h([
            ["decision_issued", "2025-02-20"],
            ["decision_effective", "2025-03-07"],
            ["sued_in_court", "2025-03-10"],
          ]),
        ),
      "transition_not_allowed",
      "events[2]",
      "Điều 52 khoản 4",
    );
  });

  test("Luật TNBTCNN 2017, Điều 51 khoản 1 điểm đ — đình chỉ vì không nhận quyết định chỉ sau biên bản không nhận", () => {
    throwsAt(
      () =>
        replay(
          h([
            ["decision_issued", "2025-02-20"],
            ["termination_ground", "2025-03-25", "đ"],
          ]),
        ),
      "transition_not_allowed",
      "events[1]",
    );
    const s = replay(
      h([
        ["decision_issued", "2025-02-20"],
        ["decision_refused", "2025-02-20"],
        ["termination_ground", "2025-03-25", "đ"],
        ["terminated", "2025-03-28"],
      ]),
    );
    assert.equal(s.phase, "terminated");
    assert.equal(s.termination_ground, "đ");
  });

  test("Luật TNBTCNN 2017, Điều 62 khoản 4 — nhập bổ sung: nhận kinh phí khi chưa ghi đề nghị cấp kinh phí là cảnh báo “chưa ghi nhận”", () => {
    const s = replay(
      h([
        ["decision_effective", "2025-03-07"],
        ["funds_received", "2025-03-17"],
      ]),
    );
    assert.equal(s.phase, "funds_received");
    assert.deepEqual(s.unrecorded[0].missing, ["funds_requested"]);
  });

  test("Nghị định 68/2018/NĐ-CP, Điều 30 khoản 1 điểm a — quyết định hoàn trả sau kiến nghị của Hội đồng", () => {
    const gap = replay(
      h([
        ["paid", "2025-03-21"],
        ["council_established", "2025-03-31"],
        ["recourse_decided", "2025-04-10"],
      ]),
    );
    assert.deepEqual(gap.unrecorded[0].missing, ["council_recommended"]);
    assert.equal(
      checkLiveStep(
        h([
          ["paid", "2025-03-21"],
          ["council_established", "2025-03-31"],
        ]),
        { type: "recourse_decided", date: "2025-04-10" },
        "2025-05-01",
      )?.field,
      "type",
    );
    const s = replay(
      h([
        ["paid", "2025-03-21"],
        ["council_established", "2025-03-31"],
        ["council_recommended", "2025-04-21"],
        ["recourse_decided", "2025-04-23"],
      ]),
    );
    assert.equal(s.phase, "recourse_decided");
    assert.equal(s.terminal, true);
  });

  test("lịch sử thiếu bước ở giữa không mâu thuẫn thì chấp nhận (thụ lý → chi trả)", () => {
    assert.equal(
      replay(
        h([
          ["accepted", "2025-01-24"],
          ["decision_issued", "2025-02-20"],
          ["paid", "2025-03-21"],
        ]),
      ).phase,
      "paid",
    );
  });

  test("replay kiểm tra loại sự kiện khi dữ liệu không qua schema", () => {
    const bad = {
      law: "law_2017",
      complex: false,
      events: [{ type: "bogus", date: "2025-01-01" }],
    } as unknown as ClaimHistory;
    throwsAt(() => replay(bad), "unknown_event_type", "events[0].type");
  });
});

describe("nextActions — bước tiếp theo hợp pháp", () => {
  test("Luật TNBTCNN 2017, Điều 42 khoản 1, Điều 52 khoản 1 điểm a — vụ việc chưa có sự kiện", () => {
    const a = nextActions(h([]));
    assert.deepEqual(
      a.map((x) => x.event),
      ["received", "sued_in_court"],
    );
    assert.equal(a[1].basis, "Luật TNBTCNN 2017, Điều 52 khoản 1 điểm a");
  });

  test("Luật TNBTCNN 2017, Điều 47 — sau khi ra quyết định: nhận/không nhận, hiệu lực, khởi kiện (Điều 52 khoản 2)", () => {
    const a = nextActions(h([["decision_issued", "2025-02-20"]]));
    const events = a.map((x) => x.event);
    assert.ok(events.includes("decision_refused"));
    assert.ok(events.includes("decision_effective"));
    assert.ok(events.includes("sued_in_court"));
    assert.ok(!events.includes("paid"));
    assert.ok(!events.includes("negotiation_started"));
    const sue = a.find((x) => x.event === "sued_in_court");
    assert.equal(sue?.basis, "Luật TNBTCNN 2017, Điều 52 khoản 2");
    assert.equal(sue?.label, "Khởi kiện yêu cầu bồi thường tại Tòa án");
  });

  test("Luật TNBTCNN 2017, Điều 50 — khi tạm đình chỉ chỉ còn tiếp tục hoặc đình chỉ", () => {
    const a = nextActions(
      h([
        ["negotiation_started", "2025-02-11"],
        ["suspended", "2025-02-17", "a"],
      ]),
    );
    const events = a.map((x) => x.event);
    assert.ok(events.includes("resumed"));
    assert.ok(events.includes("terminated"));
    assert.ok(!events.includes("negotiation_ended"));
  });

  test("Luật TNBTCNN 2017, Điều 43 khoản 2 và khoản 4 — trước thụ lý là 'Không thụ lý hồ sơ', khi đang thương lượng là 'Dừng việc giải quyết', mỗi bước một tên", () => {
    const before = nextActions(h([["received", "2025-01-13"]])).find((x) => x.event === "refused");
    assert.equal(before?.label, "Không thụ lý hồ sơ (trả lại hồ sơ, nêu rõ lý do)");
    assert.equal(before?.basis, "Luật TNBTCNN 2017, Điều 43 khoản 2");
    const during = nextActions(
      h([
        ["accepted", "2025-01-24"],
        ["negotiation_started", "2025-02-11"],
      ]),
    );
    const stop = during.find((x) => x.event === "refused");
    assert.equal(stop?.label, "Dừng việc giải quyết, xóa tên vụ việc khỏi sổ thụ lý và trả lại hồ sơ");
    assert.equal(stop?.basis, "Luật TNBTCNN 2017, Điều 43 khoản 4");
    assert.ok(!during.some((x) => x.label.startsWith("Không thụ lý")));
    // Nothing of the receipt stage is offered during negotiation.
    for (const e of ["supplement_requested", "file_valid", "accepted", "verification_report_done"])
      assert.ok(!during.some((x) => x.event === e), e);
  });

  test("Luật TNBTCNN 2009 — căn cứ ghi rõ là áp dụng tương tự, chưa đối chiếu", () => {
    const a = nextActions(h([["accepted", "2017-03-01"]], "law_2009"));
    assert.ok(a.length > 0);
    assert.ok(a.every((x) => x.basis.includes("Luật TNBTCNN 2009")));
  });
});

describe("Ghi trực tiếp (checkLiveStep) — chỉ bước tiếp theo, theo thứ tự, không sau hôm nay (giờ Việt Nam)", () => {
  const base = h([
    ["received", "2025-01-13"],
    ["accepted", "2025-01-24"],
    ["verification_report_done", "2025-02-07"],
  ]);
  const TODAY = "2025-03-01";

  test("Luật TNBTCNN 2017, Điều 46 khoản 1 — bắt đầu thương lượng sau báo cáo xác minh: được phép", () => {
    assert.equal(checkLiveStep(base, { type: "negotiation_started", date: "2025-02-11" }, TODAY), null);
  });

  test("ngày trong tương lai (sau hôm nay theo giờ Việt Nam) → date", () => {
    const e = checkLiveStep(base, { type: "negotiation_started", date: "2025-03-02" }, TODAY);
    assert.equal(e?.code, "future_date");
    assert.equal(e?.field, "date");
    assert.match(e?.message ?? "", /01\/03\/2025/);
    assert.equal(checkLiveStep(base, { type: "negotiation_started", date: TODAY }, TODAY), null);
  });

  test("ngày trước bước trước → date (ghi bổ sung bước đã qua: dùng cải chính hoặc nhập bổ sung)", () => {
    const e = checkLiveStep(base, { type: "officer_appointed", date: "2025-02-04" }, TODAY);
    assert.equal(e?.code, "event_out_of_order");
    assert.equal(e?.field, "date");
  });

  test("Luật TNBTCNN 2017, Điều 47 khoản 1 — bỏ bước: ra quyết định ngay sau hồ sơ hợp lệ → type, nêu bước được phép", () => {
    const e = checkLiveStep(
      h([
        ["received", "2025-01-13"],
        ["file_valid", "2025-01-14"],
      ]),
      { type: "decision_issued", date: "2025-01-15" },
      TODAY,
    );
    assert.equal(e?.code, "transition_not_allowed");
    assert.equal(e?.field, "type");
    assert.match(e?.message ?? "", /Thụ lý hồ sơ/);
  });

  test("Luật TNBTCNN 2017, Điều 44 khoản 2 — chi tạm ứng khi chưa đề xuất: không có trong bước tiếp theo", () => {
    const acc = h([["accepted", "2025-01-24"]]);
    assert.equal(checkLiveStep(acc, { type: "advance_paid", date: "2025-02-03" }, TODAY)?.field, "type");
    assert.ok(!nextActions(acc).some((a) => a.event === "advance_paid"));
  });

  test("Luật TNBTCNN 2017, Điều 62 khoản 5 — chi trả khi vụ việc đã đình chỉ: bị từ chối", () => {
    const terminated = h([
      ["accepted", "2025-01-24"],
      ["terminated", "2025-02-03", "b"],
    ]);
    const e = checkLiveStep(terminated, { type: "paid", date: "2025-03-01" }, TODAY);
    assert.ok(e instanceof DomainError);
    assert.equal(e.field, "type");
    assert.match(e.message, /đã kết thúc/);
  });

  test("loại không tồn tại, ngày sai, thiếu căn cứ", () => {
    assert.equal(checkLiveStep(base, { type: "foo", date: "2025-02-20" }, TODAY)?.field, "type");
    assert.equal(checkLiveStep(base, { type: "negotiation_started", date: "2025-02-31" }, TODAY)?.field, "date");
    const rec = h([["received", "2025-01-13"]]);
    assert.equal(checkLiveStep(rec, { type: "refused", date: "2025-01-14" }, TODAY)?.code, "missing_ground");
    assert.equal(checkLiveStep(rec, { type: "refused", date: "2025-01-14", ground: "a" }, TODAY), null);
    assert.equal(
      checkLiveStep(h([["accepted", "2025-01-24"]]), { type: "received", date: "2025-01-25" }, TODAY)?.code,
      "transition_not_allowed",
    );
  });
});
