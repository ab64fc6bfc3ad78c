// What the screens show of an API refusal: the Vietnamese message without the JSON key some domain messages start
// with ("date: …"), at the top of a form and under the field the issue's path names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { refusal, showRefusal } from "../../web/src/shared/api.ts";

test("bước ghi ngày sớm hơn bước trước: thông báo không mở đầu bằng khóa trường (date:)", () => {
  const message = '"Hồ sơ hợp lệ" ngày 10/11/2026 sớm hơn bước trước "Nhận hồ sơ yêu cầu bồi thường" ngày 20/11/2026.';
  const e = refusal(422, {
    error: `date: ${message}`,
    code: "event_out_of_order",
    issues: [{ path: "/date", message: `date: ${message}` }],
  });
  assert.equal(e.message, message);
  assert.deepEqual(e.issues, [{ path: "/date", message }]);
  assert.equal(e.code, "event_out_of_order");
});

test("khóa lồng nhau (events[2].ground:) cũng bỏ; câu tiếng Việt có dấu hai chấm giữ nguyên", () => {
  assert.equal(refusal(422, { error: 'events[2].ground: lý do "x" không hợp lệ' }).message, 'lý do "x" không hợp lệ');
  const plain = "Tệp không hợp lệ: cần .docx";
  assert.equal(refusal(422, { error: plain }).message, plain);
  assert.equal(refusal(502, null).message, "Lỗi 502");
});

test("lỗi của form: thông báo lên đầu form, mỗi lỗi trường dưới đúng ô (đổi tên theo form), lỗi không thuộc ô nào chỉ ở thông báo", () => {
  const shown: string[] = [];
  const set: unknown[] = [];
  const form = { setFields: (f: never) => set.push(f) };
  const e = refusal(422, {
    error: "Dữ liệu không hợp lệ",
    issues: [
      { path: "/fields/claimant_name", message: "Tên không được để trống" },
      { path: "/events/0/date", message: "Ngày không hợp lệ" },
      { path: "/version", message: "Hồ sơ đã được sửa" },
    ],
  });
  showRefusal(
    e,
    (m) => shown.push(m),
    form,
    (p) => (p[0] === "fields" ? p.slice(1) : p[0] === "events" ? p : null),
  );
  assert.deepEqual(shown, ["Dữ liệu không hợp lệ"]);
  assert.deepEqual(set, [
    [
      { name: ["claimant_name"], errors: ["Tên không được để trống"] },
      { name: ["events", 0, "date"], errors: ["Ngày không hợp lệ"] },
    ],
  ]);
  // Not an API refusal (network down …): its text, nothing on the fields.
  showRefusal(new TypeError("Failed to fetch"), (m) => shown.push(m), form);
  assert.deepEqual(shown.at(-1), "TypeError: Failed to fetch");
  assert.equal(set.length, 1);
});
