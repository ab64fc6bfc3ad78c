import assert from "node:assert/strict";
import { test } from "node:test";
import { AGENCY_ROWS } from "../agencies/index.ts";
import { exchangeCounterpart, exchangeRecipients } from "./index.ts";

test("KH 2021 mục II.10 — trao đổi kết quả kiểm tra giữa Cục BTNN và Tổng cục THADS (hai chiều, theo vai trò)", () => {
  assert.deepEqual(exchangeCounterpart("CUC_BTNN"), { role: "TONG_CUC_THADS", basis: "KH 2021 mục II.10" });
  assert.deepEqual(exchangeCounterpart("TONG_CUC_THADS"), { role: "CUC_BTNN", basis: "KH 2021 mục II.10" });
  assert.equal(exchangeCounterpart("SO_TU_PHAP"), undefined);
});

test("KH 2021 mục II.10 — bên nhận kết quả theo vai trò và ngày: năm 2024 Tổng cục THADS, năm 2026 Cục Quản lý THADS (sau sắp xếp 2025)", () => {
  assert.deepEqual(exchangeRecipients("CUC_BTNN", "2024-06-15", AGENCY_ROWS), {
    agency_ids: ["tong-cuc-thads"],
    role: "TONG_CUC_THADS",
    basis: "KH 2021 mục II.10",
  });
  assert.deepEqual(exchangeRecipients("CUC_BTNN", "2026-03-10", AGENCY_ROWS)?.agency_ids, ["cuc-ql-thads"]);
  // Last day of the Tổng cục in the dataset (28/02/2025) and the first of its successor (01/03/2025).
  assert.deepEqual(exchangeRecipients("CUC_BTNN", "2025-02-28", AGENCY_ROWS)?.agency_ids, ["tong-cuc-thads"]);
  assert.deepEqual(exchangeRecipients("CUC_BTNN", "2025-03-01", AGENCY_ROWS)?.agency_ids, ["cuc-ql-thads"]);
  // The other direction: the THADS lead (either body) sends to Cục BTNN.
  assert.deepEqual(exchangeRecipients("TONG_CUC_THADS", "2024-06-15", AGENCY_ROWS)?.agency_ids, ["cuc-btnn"]);
  assert.deepEqual(exchangeRecipients("TONG_CUC_THADS", "2026-03-10", AGENCY_ROWS)?.agency_ids, ["cuc-btnn"]);
  assert.equal(exchangeRecipients("SO_TU_PHAP", "2026-03-10", AGENCY_ROWS), undefined);
});

test("KH 2021 mục II.10 — không có cơ quan giữ vai trò vào ngày đó: theo liên kết kế thừa đến cơ quan đang hoạt động", () => {
  const rows = [
    { id: "old", role: "TONG_CUC_THADS", valid_from: "2010-01-01", valid_to: "2025-02-28", successor_ids: ["mid"] },
    { id: "mid", role: "CUC_BTNN_KHAC", valid_from: "2025-03-01", valid_to: "2025-12-31", successor_ids: ["new"] },
    { id: "new", role: "OTHER", valid_from: "2026-01-01" },
  ];
  assert.deepEqual(exchangeRecipients("CUC_BTNN", "2024-01-01", rows)?.agency_ids, ["old"]);
  assert.deepEqual(exchangeRecipients("CUC_BTNN", "2025-06-01", rows)?.agency_ids, ["mid"]);
  assert.deepEqual(exchangeRecipients("CUC_BTNN", "2026-06-01", rows)?.agency_ids, ["new"]);
});
