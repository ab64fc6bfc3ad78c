import assert from "node:assert/strict";
import { test } from "node:test";
import { isDomainError } from "../shared/errors.ts";
import { route } from "./route.ts";
import { nextUrgingRung } from "./urging.ts";

test("KH 2021 mục II.6.1 — chưa có bước nào: bậc đầu là đề nghị UBND cấp tỉnh đôn đốc", () => {
  const next = nextUrgingRung([]);
  assert.ok(next);
  assert.equal(next.rule, "KH2021.II.6.1");
  assert.equal(next.to, "UBND_TINH");
  assert.match(next.basis, /Điều 13 khoản 3 điểm c/);
});

test("KH 2021 mục II.6.2 — UBND tỉnh không đôn đốc: Cục BTNN trực tiếp đôn đốc", () => {
  const next = nextUrgingRung([{ rung: "KH2021.II.6.1", outcome: "province_did_not_urge" }]);
  assert.ok(next);
  assert.equal(next.rule, "KH2021.II.6.2");
  assert.equal(next.to, "$managing");
  assert.deepEqual(next.prior, { province_asked_to_urge: true, province_urged: false });
  assert.match(next.basis, /Điều 13 khoản 3 điểm d/);
});

test("KH 2021 mục II.6.2 — UBND tỉnh đã đôn đốc mà cơ quan không thực hiện: Cục BTNN trực tiếp đôn đốc", () => {
  const next = nextUrgingRung([{ rung: "KH2021.II.6.1", outcome: "not_complied" }]);
  assert.equal(next?.rule, "KH2021.II.6.2");
  assert.deepEqual(next?.prior, { province_asked_to_urge: true, province_urged: true, urged_party_complied: false });
});

test("KH 2021 mục II.6.3 — Cục BTNN đôn đốc trực tiếp không có kết quả: đề nghị Tổng cục THADS chỉ đạo, đôn đốc", () => {
  const next = nextUrgingRung([
    { rung: "KH2021.II.6.1", outcome: "province_did_not_urge" },
    { rung: "KH2021.II.6.2", outcome: "not_complied" },
  ]);
  assert.equal(next?.rule, "KH2021.II.6.3");
  assert.equal(next?.to, "TONG_CUC_THADS");
  assert.match(next?.basis ?? "", /Điều 75 khoản 3/);
});

test("KH 2021 mục II.6 — cơ quan đã thực hiện nội dung đôn đốc: thang dừng (null)", () => {
  assert.equal(nextUrgingRung([{ rung: "KH2021.II.6.1", outcome: "complied" }]), null);
  assert.equal(
    nextUrgingRung([
      { rung: "KH2021.II.6.1", outcome: "not_complied" },
      { rung: "KH2021.II.6.2", outcome: "complied" },
    ]),
    null,
  );
});

test("KH 2021 mục II.6.3 — đã qua cả ba bậc: thang đôn đốc kết thúc (null)", () => {
  assert.equal(
    nextUrgingRung([
      { rung: "KH2021.II.6.1", outcome: "not_complied" },
      { rung: "KH2021.II.6.2", outcome: "not_complied" },
      { rung: "KH2021.II.6.3", outcome: "not_complied" },
    ]),
    null,
  );
});

test("KH 2021 mục II.6 — mỗi bậc do nextUrgingRung nêu được route() định tuyến về đúng điều khoản đó", () => {
  const histories = [
    [],
    [{ rung: "KH2021.II.6.1", outcome: "province_did_not_urge" }],
    [{ rung: "KH2021.II.6.1", outcome: "not_complied" }],
    [
      { rung: "KH2021.II.6.1", outcome: "not_complied" },
      { rung: "KH2021.II.6.2", outcome: "not_complied" },
    ],
  ];
  for (const h of histories) {
    const next = nextUrgingRung(h);
    assert.ok(next);
    const managing = "THADS_HUYEN" as const;
    const r = route({
      kind: "urging",
      from_role: next.lead,
      to_role: next.to === "$managing" ? managing : next.to,
      managing_role: managing,
      prior: { ...next.prior, urging_grounds: [1] },
    });
    assert.equal(r.rule, next.rule, JSON.stringify(h));
  }
});

test("KH 2021 mục II.6 — lịch sử bỏ bậc hoặc sai kết quả bị từ chối với lỗi tiếng Việt", () => {
  const bad: Array<[unknown, string]> = [
    [[{ rung: "KH2021.II.6.2", outcome: "not_complied" }], "history.0.rung"],
    [
      [
        { rung: "KH2021.II.6.1", outcome: "complied" },
        { rung: "KH2021.II.6.2", outcome: "complied" },
      ],
      "history.1.rung",
    ],
    [
      [
        { rung: "KH2021.II.6.1", outcome: "not_complied" },
        { rung: "KH2021.II.6.2", outcome: "province_did_not_urge" },
      ],
      "history.1.outcome",
    ],
    [[{ rung: "KH2021.II.6.9", outcome: "complied" }], "history.0.rung"],
    ["not a list", "history"],
  ];
  for (const [h, field] of bad) {
    assert.throws(
      () => nextUrgingRung(h),
      (e: unknown) => isDomainError(e) && e.field === field && /[ăâđêôơư]/.test(e.message),
      JSON.stringify(h),
    );
  }
});
