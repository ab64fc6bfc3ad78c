import assert from "node:assert/strict";
import { test } from "node:test";
import { btnn, btnnJson } from "./run-cli.ts";

test("btnn params — mỗi thời hạn có căn cứ, đơn vị và độ tin cậy; giá trị chưa xác minh được đánh dấu", () => {
  const rows =
    btnnJson<Array<{ key: string; law: string; cite: string; unit: string; confidence: string; value: number }>>(
      "params",
    );
  assert.ok(rows.length > 20);
  for (const r of rows) {
    assert.ok(r.cite.length > 0, `${r.key} thiếu căn cứ`);
    assert.ok(["confirmed", "unverified"].includes(r.confidence));
  }
  // Luật TNBTCNN 2017, Điều 45 khoản 2: xác minh 15 ngày (lịch).
  const verify = rows.find((r) => r.key === "verify" && r.law === "law_2017");
  assert.equal(verify?.value, 15);
  assert.equal(verify?.unit, "calendar_days");
  const human = btnn("params", "--law", "law_2009");
  assert.equal(human.code, 0);
  assert.match(human.stdout, /CHƯA XÁC MINH/);
  assert.equal(btnn("params", "--law", "law_2020").code, 2);
});
