import assert from "node:assert/strict";
import { test } from "node:test";
import { AGENCY_ROWS } from "../agencies/data.ts";
import { type AgencyFacts, resolveRoleAgency } from "./resolve.ts";

const facts: AgencyFacts[] = AGENCY_ROWS.map((a) => ({
  id: a.id,
  role: a.role,
  province_code: a.province_code ?? null,
  valid_from: a.valid_from,
  valid_to: a.valid_to ?? null,
}));
const get = (id: string) => facts.find((a) => a.id === id)!;

test("KH 2021 mục II.3.1 — UBND cấp tỉnh là UBND tỉnh nơi cơ quan THADS đề nghị (Thanh Hóa)", () => {
  const r = resolveRoleAgency("UBND_TINH", { from: get("thads-thanh-hoa"), to: get("cuc-btnn") }, facts, "2026-03-02");
  assert.equal(r?.id, "ubnd-thanh-hoa");
  const s = resolveRoleAgency("SO_TU_PHAP", { from: get("thads-thanh-hoa") }, facts, "2026-03-02");
  assert.equal(s?.id, "stp-thanh-hoa");
});

test("KH 2021 mục II.5.2 — Tổng cục THADS: Cục Quản lý THADS kế thừa từ 2025; trước đó là Tổng cục THADS", () => {
  const from = get("cuc-btnn");
  assert.equal(resolveRoleAgency("TONG_CUC_THADS", { from }, facts, "2026-03-02")?.id, "cuc-ql-thads");
  assert.equal(resolveRoleAgency("TONG_CUC_THADS", { from }, facts, "2021-03-02")?.id, "tong-cuc-thads");
});

test("KH 2021 mục III.2 — Lãnh đạo Bộ là cơ quan vai trò LANH_DAO_BO", () => {
  assert.equal(
    resolveRoleAgency("LANH_DAO_BO", { from: get("cuc-btnn") }, facts, "2026-03-02")?.id,
    "lanh-dao-bo-tu-phap",
  );
});

test("vai trò cấp tỉnh không đoán khi không biết tỉnh", () => {
  assert.equal(resolveRoleAgency("UBND_TINH", { from: get("cuc-btnn") }, facts, "2026-03-02"), null);
});
