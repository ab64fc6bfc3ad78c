import assert from "node:assert/strict";
import { test } from "node:test";
import { exchangeCounterpart } from "./index.ts";

test("KH 2021 mục II.10 — trao đổi kết quả kiểm tra giữa Cục BTNN và Tổng cục THADS (hai chiều, theo vai trò)", () => {
  assert.deepEqual(exchangeCounterpart("CUC_BTNN"), { role: "TONG_CUC_THADS", basis: "KH 2021 mục II.10" });
  assert.deepEqual(exchangeCounterpart("TONG_CUC_THADS"), { role: "CUC_BTNN", basis: "KH 2021 mục II.10" });
  assert.equal(exchangeCounterpart("SO_TU_PHAP"), undefined);
});
