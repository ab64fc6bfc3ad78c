import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AGENCY_ROWS } from "./data.ts";
import { PROVINCES, UNCHANGED_2025 } from "./provinces.ts";
import {
  agenciesOn,
  ancestors,
  createAgencyRegistry,
  getAgency,
  isWithin,
  predecessorsOf,
  provinceOf,
  successorsOf,
} from "./registry.ts";
import { isRole, ROLE_INFO, ROLES } from "./roles.ts";
import type { Agency } from "./types.ts";

const ids = (list: Agency[]): string[] => list.map((a) => a.id);

describe("Vai trò (GLOSSARY)", () => {
  test("GLOSSARY — 15 mã vai trò, mỗi mã có nhãn tiếng Việt; isRole nhận đúng mã", () => {
    assert.equal(ROLES.length, 15);
    for (const r of ROLES) {
      assert.equal(ROLE_INFO[r].code, r);
      assert.match(ROLE_INFO[r].label_vi.normalize("NFD"), /\p{M}/u); // Vietnamese with diacritics
    }
    assert.equal(isRole("CUC_BTNN"), true);
    assert.equal(isRole("cuc_btnn"), false);
    assert.equal(isRole(undefined), false);
    assert.equal(ROLE_INFO.TONG_CUC_THADS.since_2025_vi, "Cục Quản lý thi hành án dân sự");
  });
});

describe("Danh mục cơ quan theo thời gian", () => {
  test("Nghị quyết 202/2025/QH15 — 63 tỉnh ngày 30/6/2025, 34 tỉnh ngày 01/7/2025", () => {
    assert.equal(agenciesOn("2025-06-30", "UBND_TINH").length, 63);
    assert.equal(agenciesOn("2025-07-01", "UBND_TINH").length, 34);
    assert.equal(agenciesOn("2021-01-01", "UBND_TINH").length, 63);
    assert.equal(agenciesOn("2026-01-01", "UBND_TINH").length, 34);
  });

  test("Nghị quyết 202/2025/QH15 — 11 đơn vị giữ nguyên, cùng một UBND trước và sau 01/7/2025", () => {
    const before = new Set(ids(agenciesOn("2025-06-30", "UBND_TINH")));
    const after = new Set(ids(agenciesOn("2025-07-01", "UBND_TINH")));
    const kept = [...after].filter((id) => before.has(id)).sort();
    assert.deepEqual(kept, UNCHANGED_2025.map((s) => `ubnd-${s}`).sort());
    assert.deepEqual(
      kept.map((id) => getAgency(id)!.name).sort(),
      [
        "Ủy ban nhân dân thành phố Hà Nội",
        "Ủy ban nhân dân thành phố Huế",
        "Ủy ban nhân dân tỉnh Cao Bằng",
        "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "Ủy ban nhân dân tỉnh Lai Châu",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Ủy ban nhân dân tỉnh Nghệ An",
        "Ủy ban nhân dân tỉnh Quảng Ninh",
        "Ủy ban nhân dân tỉnh Sơn La",
        "Ủy ban nhân dân tỉnh Thanh Hóa",
        "Ủy ban nhân dân tỉnh Điện Biên",
      ].sort(),
    );
  });

  test("Nghị quyết 202/2025/QH15 — 52 tỉnh cũ sáp nhập thành 23 đơn vị mới; mỗi UBND cũ có đúng một UBND kế thừa", () => {
    const targets = new Map<string, string[]>();
    for (const old of agenciesOn("2025-06-30", "UBND_TINH")) {
      const succ = successorsOf(old.id, "2025-07-01");
      assert.equal(succ.length, 1, old.id);
      assert.equal(succ[0].role, "UBND_TINH");
      targets.set(succ[0].id, [...(targets.get(succ[0].id) ?? []), old.id]);
    }
    assert.equal(targets.size, 34);
    const merged = [...targets.entries()].filter(([, from]) => from.length > 1);
    assert.equal(merged.length, 23);
    assert.equal(
      merged.reduce((n, [, from]) => n + from.length, 0),
      52,
    );
  });

  const mergers: Array<[string, string, string]> = [
    ["ubnd-vinh-phuc", "ubnd-phu-tho-2025", "Ủy ban nhân dân tỉnh Phú Thọ"],
    ["ubnd-hoa-binh", "ubnd-phu-tho-2025", "Ủy ban nhân dân tỉnh Phú Thọ"],
    ["ubnd-ha-giang", "ubnd-tuyen-quang-2025", "Ủy ban nhân dân tỉnh Tuyên Quang"],
    ["ubnd-yen-bai", "ubnd-lao-cai-2025", "Ủy ban nhân dân tỉnh Lào Cai"],
    ["ubnd-hai-duong", "ubnd-hai-phong-2025", "Ủy ban nhân dân thành phố Hải Phòng"],
    ["ubnd-nam-dinh", "ubnd-ninh-binh-2025", "Ủy ban nhân dân tỉnh Ninh Bình"],
    ["ubnd-quang-nam", "ubnd-da-nang-2025", "Ủy ban nhân dân thành phố Đà Nẵng"],
    ["ubnd-binh-dinh", "ubnd-gia-lai-2025", "Ủy ban nhân dân tỉnh Gia Lai"],
    ["ubnd-binh-thuan", "ubnd-lam-dong-2025", "Ủy ban nhân dân tỉnh Lâm Đồng"],
    ["ubnd-ba-ria-vung-tau", "ubnd-ho-chi-minh-2025", "Ủy ban nhân dân thành phố Hồ Chí Minh"],
    ["ubnd-long-an", "ubnd-tay-ninh-2025", "Ủy ban nhân dân tỉnh Tây Ninh"],
    ["ubnd-tra-vinh", "ubnd-vinh-long-2025", "Ủy ban nhân dân tỉnh Vĩnh Long"],
    ["ubnd-tien-giang", "ubnd-dong-thap-2025", "Ủy ban nhân dân tỉnh Đồng Tháp"],
    ["ubnd-kien-giang", "ubnd-an-giang-2025", "Ủy ban nhân dân tỉnh An Giang"],
    ["ubnd-bac-lieu", "ubnd-ca-mau-2025", "Ủy ban nhân dân tỉnh Cà Mau"],
    ["ubnd-soc-trang", "ubnd-can-tho-2025", "Ủy ban nhân dân thành phố Cần Thơ"],
  ];
  for (const [from, to, name] of mergers) {
    test(`Nghị quyết 202/2025/QH15 — ${getAgency(from)?.name} kế thừa bởi ${name}`, () => {
      const s = successorsOf(from, "2026-01-01");
      assert.deepEqual(ids(s), [to]);
      assert.equal(s[0].name, name);
      assert.deepEqual(ids(successorsOf(from, "2024-06-01")), [from]);
    });
  }

  test("Nghị quyết 202/2025/QH15 — Sở Tư pháp, TAND, VKSND, Sở Tài chính, cơ quan THADS của tỉnh sáp nhập cũng có kế thừa", () => {
    assert.deepEqual(ids(successorsOf("stp-vinh-phuc", "2025-07-01")), ["stp-phu-tho-2025"]);
    assert.deepEqual(ids(successorsOf("tand-vinh-phuc", "2025-07-01")), ["tand-phu-tho-2025"]);
    assert.deepEqual(ids(successorsOf("vksnd-vinh-phuc", "2025-07-01")), ["vksnd-phu-tho-2025"]);
    assert.deepEqual(ids(successorsOf("stc-vinh-phuc", "2025-07-01")), ["stc-phu-tho-2025"]);
    const thads = successorsOf("cuc-thads-vinh-phuc", "2026-01-01");
    assert.deepEqual(ids(thads), ["thads-phu-tho-2025"]);
    assert.equal(thads[0].name, "Thi hành án dân sự tỉnh Phú Thọ");
  });

  test("Tổ chức lại THADS 2025 — Tổng cục THADS ngày 01/01/2026 là Cục Quản lý thi hành án dân sự", () => {
    const s = successorsOf("tong-cuc-thads", "2026-01-01");
    assert.equal(s.length, 1);
    assert.equal(s[0].name, "Cục Quản lý thi hành án dân sự");
    assert.equal(s[0].role, "TONG_CUC_THADS");
    assert.equal(s[0].verified, false); // date of the switch not checked against the decree
    assert.deepEqual(ids(successorsOf("tong-cuc-thads", "2021-06-01")), ["tong-cuc-thads"]);
    assert.deepEqual(successorsOf("cuc-ql-thads", "2020-01-01"), []); // did not exist yet
  });

  test("Tổ chức lại THADS 2025 — 63 Cục THADS tỉnh ngày 30/6/2025, 34 THADS tỉnh ngày 01/7/2025", () => {
    assert.equal(agenciesOn("2025-06-30", "THADS_TINH").length, 63);
    assert.equal(agenciesOn("2025-07-01", "THADS_TINH").length, 34);
    assert.deepEqual(ids(successorsOf("cuc-thads-thanh-hoa", "2025-07-01")), ["thads-thanh-hoa"]);
  });

  test("Chính quyền địa phương hai cấp — Chi cục THADS và UBND cấp huyện ở Thanh Hóa chấm dứt 30/6/2025, có kế thừa", () => {
    assert.equal(agenciesOn("2025-06-30", "UBND_HUYEN").length, 4);
    assert.equal(agenciesOn("2025-07-01", "UBND_HUYEN").length, 0);
    const phong = successorsOf("chi-cuc-thads-quang-xuong", "2025-07-01");
    assert.deepEqual(ids(phong), ["phong-thads-kv-quang-xuong"]);
    assert.equal(phong[0].role, "THADS_HUYEN");
    assert.deepEqual(ids(successorsOf("ubnd-tp-thanh-hoa", "2025-07-01")), ["ubnd-phuong-hac-thanh", "ubnd-thanh-hoa"]);
    assert.deepEqual(ids(successorsOf("ubnd-hoang-hoa", "2025-07-01")), ["ubnd-thanh-hoa"]);
  });

  test("NQ 1314/NQ-UBTVQH15 — Thừa Thiên Huế thành thành phố Huế từ 01/01/2025 (chưa đối chiếu)", () => {
    assert.deepEqual(ids(successorsOf("ubnd-thua-thien-hue", "2025-01-01")), ["ubnd-hue"]);
    assert.deepEqual(ids(successorsOf("cuc-thads-thua-thien-hue", "2025-03-01")), ["cuc-thads-hue"]);
    assert.deepEqual(ids(successorsOf("cuc-thads-thua-thien-hue", "2025-07-01")), ["thads-hue"]);
    assert.equal(getAgency("ubnd-hue")?.verified, false);
  });

  test("Dữ liệu — tỉnh sau 01/7/2025 có đủ UBND, Sở Tư pháp, Sở Tài chính, TAND, VKSND, THADS tỉnh", () => {
    const on = agenciesOn("2025-07-01");
    for (const ubnd of on.filter((a) => a.role === "UBND_TINH")) {
      const mine = on.filter((a) => provinceOf(a.id)?.id === ubnd.id);
      for (const role of ["SO_TU_PHAP", "CO_QUAN_TAI_CHINH", "TOA_AN", "VKS", "THADS_TINH"] as const) {
        assert.equal(mine.filter((a) => a.role === role).length, 1, `${ubnd.id} ${role}`);
      }
    }
  });

  test("Dữ liệu — mã tỉnh không trùng trong cùng một thời điểm", () => {
    for (const [date, n] of [
      ["2025-06-30", 63],
      ["2025-07-01", 34],
    ] as const) {
      const codes = new Set(agenciesOn(date, "UBND_TINH").map((a) => a.province_code));
      assert.equal(codes.size, n);
    }
    assert.equal(PROVINCES.filter((p) => !p.code_verified).length, 23);
  });

  test("Dữ liệu — mọi cơ quan chấm dứt đều có cơ quan kế thừa; ghi 'chưa đối chiếu' thì verified = false", () => {
    for (const a of AGENCY_ROWS) {
      if (a.valid_to !== undefined) assert.ok((a.successor_ids ?? []).length > 0, a.id);
      if (/chưa đối chiếu/.test(`${a.source} ${a.note ?? ""}`)) assert.equal(a.verified, false, a.id);
    }
  });
});

describe("Cấp bậc và phạm vi truy cập", () => {
  test("Cấp trên — Chi cục THADS huyện Quảng Xương → Cục THADS tỉnh Thanh Hóa → Tổng cục THADS → Bộ Tư pháp", () => {
    assert.deepEqual(ids(ancestors("chi-cuc-thads-quang-xuong")), [
      "cuc-thads-thanh-hoa",
      "tong-cuc-thads",
      "bo-tu-phap",
    ]);
    assert.deepEqual(ids(ancestors("stp-thanh-hoa")), ["ubnd-thanh-hoa"]);
    assert.deepEqual(ancestors("bo-tu-phap"), []);
    assert.deepEqual(ancestors("khong-co"), []);
  });

  test("Phạm vi — cấp Bộ (Cục BTNN, Bộ Tư pháp) thấy mọi cơ quan", () => {
    for (const a of AGENCY_ROWS) {
      assert.equal(isWithin(a.id, "cuc-btnn"), true, a.id);
      assert.equal(isWithin(a.id, "bo-tu-phap"), true, a.id);
    }
  });

  test("Phạm vi — Sở Tư pháp thấy cơ quan trong tỉnh mình (TT 08 Điều 4 khoản 2, Điều 13 khoản 4), không thấy tỉnh khác", () => {
    for (const id of [
      "ubnd-thanh-hoa",
      "tand-thanh-hoa",
      "vksnd-thanh-hoa",
      "cuc-thads-thanh-hoa",
      "thads-thanh-hoa",
      "chi-cuc-thads-quang-xuong",
      "ubnd-quang-xuong",
      "so-noi-vu-thanh-hoa",
      "stp-thanh-hoa",
    ]) {
      assert.equal(isWithin(id, "stp-thanh-hoa"), true, id);
    }
    for (const id of ["stp-nghe-an", "cuc-btnn", "tong-cuc-thads", "tand-toi-cao", "cuc-thads-nghe-an"]) {
      assert.equal(isWithin(id, "stp-thanh-hoa"), false, id);
    }
  });

  test("Phạm vi — Sở Tư pháp tỉnh sau sáp nhập thấy cơ quan của các tỉnh cũ hợp thành", () => {
    assert.equal(isWithin("tand-vinh-phuc", "stp-phu-tho-2025"), true);
    assert.equal(isWithin("cuc-thads-hoa-binh", "stp-phu-tho-2025"), true);
    assert.equal(isWithin("tand-thanh-hoa", "stp-phu-tho-2025"), false);
    assert.equal(isWithin("tand-phu-tho-2025", "stp-vinh-phuc"), false);
  });

  test("Phạm vi — Tổng cục THADS / Cục QL THADS thấy hệ thống THADS, không thấy Sở Tư pháp", () => {
    assert.equal(isWithin("chi-cuc-thads-quang-xuong", "tong-cuc-thads"), true);
    assert.equal(isWithin("chi-cuc-thads-quang-xuong", "cuc-ql-thads"), true);
    assert.equal(isWithin("thads-phu-tho-2025", "cuc-ql-thads"), true);
    assert.equal(isWithin("stp-thanh-hoa", "cuc-ql-thads"), false);
    assert.equal(isWithin("cuc-btnn", "tong-cuc-thads"), false);
  });

  test("Phạm vi — Chi cục THADS chỉ thấy chính mình; mã lạ luôn false", () => {
    assert.equal(isWithin("chi-cuc-thads-quang-xuong", "chi-cuc-thads-quang-xuong"), true);
    assert.equal(isWithin("chi-cuc-thads-hoang-hoa", "chi-cuc-thads-quang-xuong"), false);
    assert.equal(isWithin("cuc-thads-thanh-hoa", "chi-cuc-thads-quang-xuong"), false);
    assert.equal(isWithin("khong-co", "cuc-btnn"), false);
    assert.equal(isWithin("stp-thanh-hoa", "khong-co"), false);
  });

  test("Kế thừa ngược — Cục QL THADS kế thừa Tổng cục THADS; UBND tỉnh Phú Thọ mới kế thừa ba tỉnh", () => {
    assert.deepEqual(ids(predecessorsOf("cuc-ql-thads")), ["tong-cuc-thads"]);
    assert.deepEqual(ids(predecessorsOf("ubnd-phu-tho-2025")).sort(), [
      "ubnd-hoa-binh",
      "ubnd-phu-tho",
      "ubnd-vinh-phuc",
    ]);
  });
});

describe("Kiểm tra dữ liệu khi tạo danh mục", () => {
  const base: Agency = {
    id: "a",
    name: "A",
    role: "BO_TU_PHAP",
    valid_from: "2020-01-01",
    source: "test",
    verified: true,
  };
  test("createAgencyRegistry — mã trùng, cấp trên lạ, vai trò lạ, kế thừa không liền kề đều bị từ chối", () => {
    assert.throws(() => createAgencyRegistry([base, base]), /bị trùng/);
    assert.throws(() => createAgencyRegistry([{ ...base, parent_id: "x" }]), /cấp trên lạ/);
    assert.throws(() => createAgencyRegistry([{ ...base, role: "XYZ" as never }]), /vai trò không hợp lệ/);
    assert.throws(
      () =>
        createAgencyRegistry([
          { ...base, valid_to: "2020-12-31", successor_ids: ["b"] },
          { ...base, id: "b", valid_from: "2021-02-01" },
        ]),
      /hiệu lực vào ngày sau/,
    );
    assert.throws(() => createAgencyRegistry([{ ...base, valid_from: "2020-02-30" }]), /ngày không hợp lệ/);
  });

  test("createAgencyRegistry — danh mục nhỏ hợp lệ: agenciesOn, successorsOf theo ngày", () => {
    const reg = createAgencyRegistry([
      { ...base, valid_to: "2020-12-31", successor_ids: ["b"] },
      { ...base, id: "b", valid_from: "2021-01-01" },
    ]);
    assert.deepEqual(ids(reg.agenciesOn("2020-12-31")), ["a"]);
    assert.deepEqual(ids(reg.agenciesOn("2021-01-01")), ["b"]);
    assert.deepEqual(ids(reg.successorsOf("a", "2021-01-01")), ["b"]);
    assert.throws(() => reg.agenciesOn("2021-13-01"), RangeError);
  });
});
