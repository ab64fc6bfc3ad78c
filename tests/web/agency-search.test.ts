// The agency pickers (forwarding a citizen's file, addressing a request) find an agency by the words a person types,
// without diacritics and in any order — typing the words of a long name with one left out used to find nothing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fold, hasWords } from "../../web/src/shared/format.ts";

const THADS = fold("Thi hành án dân sự tỉnh Thanh Hóa THADS Thanh Hóa thads-thanh-hoa");

test("tìm cơ quan theo từng từ, không dấu, bỏ bớt từ: “thi hanh an thanh hoa” ra THADS tỉnh Thanh Hóa", () => {
  assert.ok(hasWords(THADS, "thi hanh an thanh hoa"));
  assert.ok(hasWords(THADS, "Thanh Hóa  thi hành án"));
  assert.ok(hasWords(THADS, ""));
  assert.ok(!hasWords(THADS, "thi hanh an nghe an"));
});
