// The ground of a recorded step as the claim's events table shows it: never the stored key (an officer read
// "success" under "Căn cứ (điểm, khoản)" after recording a successful negotiation).
import assert from "node:assert/strict";
import { test } from "node:test";
import { groundText } from "../../web/src/features/claims/ground-text.ts";

test("Luật TNBTCNN 2017, Điều 46 khoản 8 — kết thúc thương lượng: “Thương lượng thành”, không phải “success”", () => {
  assert.deepEqual(groundText("negotiation_ended", "success"), {
    text: "Thương lượng thành",
    title: "Luật TNBTCNN 2017, Điều 46 khoản 8",
  });
  assert.equal(groundText("negotiation_ended", "failure")?.text, "Thương lượng không thành");
});

test("Luật TNBTCNN 2017, Điều 43 khoản 2 — không thụ lý: “điểm đ” với lời văn của điểm; không có căn cứ → không hiện gì", () => {
  const x = groundText("refused", "dd");
  assert.equal(x?.text, "điểm đ");
  assert.match(x?.title ?? "", /không được bổ sung.*Điều 43 khoản 2 điểm đ/);
  assert.equal(groundText("accepted", null), null);
});
