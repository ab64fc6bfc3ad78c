import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AGENCY_ROWS } from "../agencies/data.ts";
import type { AgencyFacts } from "../coordination/resolve.ts";
import { occurrenceOwner, planTaskExecutors, recordsContributionOf } from "./executors.ts";

const facts: AgencyFacts[] = AGENCY_ROWS.map((a) => ({
  id: a.id,
  role: a.role,
  province_code: a.province_code ?? null,
  valid_from: a.valid_from,
  valid_to: a.valid_to ?? null,
}));
const owner = (id: string) => facts.find((a) => a.id === id) as AgencyFacts;

describe("Nhiệm vụ kế hoạch thuộc cơ quan chủ trì; cơ quan phối hợp được liệt kê riêng", () => {
  test("KH Thanh Hóa 2024 mục II.7 — Sở Tư pháp chủ trì; phối hợp Tòa án, Viện kiểm sát, THADS tỉnh (sau 01/7/2025: THADS tỉnh Thanh Hóa)", () => {
    const r = planTaskExecutors(
      { lead_role: "SO_TU_PHAP", coordinator_roles: ["TOA_AN", "VKS", "THADS_TINH", "SO_NGANH", "UBND_HUYEN"] },
      owner("stp-thanh-hoa"),
      facts,
      "2026-01-05",
    );
    assert.equal(r.lead_agency_id, "stp-thanh-hoa");
    assert.deepEqual(r.coordinator_agency_ids, ["tand-thanh-hoa", "vksnd-thanh-hoa", "thads-thanh-hoa"]);
    assert.deepEqual(r.unresolved_roles, ["SO_NGANH", "UBND_HUYEN"]);
  });

  test("kế hoạch do Sở Tư pháp nhập nhưng THADS tỉnh chủ trì → lần thực hiện thuộc THADS tỉnh, không thuộc cơ quan nhập", () => {
    const r = planTaskExecutors(
      { lead_role: "THADS_TINH", coordinator_roles: ["SO_TU_PHAP"] },
      owner("stp-thanh-hoa"),
      facts,
      "2024-03-01",
    );
    assert.equal(r.lead_agency_id, "cuc-thads-thanh-hoa");
    assert.deepEqual(r.coordinator_agency_ids, ["stp-thanh-hoa"]);
    assert.equal(occurrenceOwner(r, "stp-thanh-hoa"), "cuc-thads-thanh-hoa");
  });

  test("vai trò không chỉ một cơ quan (các sở, ban, ngành) → cơ quan sở hữu kế hoạch giữ lần thực hiện", () => {
    const r = planTaskExecutors(
      { lead_role: "SO_NGANH", coordinator_roles: [] },
      owner("stp-thanh-hoa"),
      facts,
      "2026-01-05",
    );
    assert.equal(r.lead_agency_id, null);
    assert.equal(occurrenceOwner(r, "stp-thanh-hoa"), "stp-thanh-hoa");
  });
});

describe("phần phối hợp: cơ quan tự ghi phần của mình, cơ quan kế thừa ghi phần của cơ quan tiền nhiệm", () => {
  const thads = { agencyId: "thads-thanh-hoa", visibleAgencyIds: ["thads-thanh-hoa"] };
  test("THADS tỉnh Thanh Hóa (từ 01/7/2025) ghi phần của Cục THADS Thanh Hóa mà KH 2024 nêu tên", () => {
    assert.equal(recordsContributionOf(thads, "thads-thanh-hoa"), true);
    assert.equal(recordsContributionOf(thads, "cuc-thads-thanh-hoa"), true);
  });
  test("không ghi phần của cơ quan khác (Tòa án tỉnh), cũng không ghi ngược cho cơ quan kế thừa", () => {
    assert.equal(recordsContributionOf(thads, "tand-thanh-hoa"), false);
    const cuc = { agencyId: "cuc-thads-thanh-hoa", visibleAgencyIds: ["cuc-thads-thanh-hoa"] };
    assert.equal(recordsContributionOf(cuc, "thads-thanh-hoa"), false);
  });
  test("phạm vi toàn quốc ghi thay mọi cơ quan; không có cơ quan đang làm việc thì không ghi", () => {
    assert.equal(recordsContributionOf({ agencyId: "cuc-btnn", visibleAgencyIds: "all" }, "tand-thanh-hoa"), true);
    assert.equal(recordsContributionOf({ agencyId: null, visibleAgencyIds: [] }, "tand-thanh-hoa"), false);
  });
});
