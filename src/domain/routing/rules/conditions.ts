// Condition builders of the routing table: each condition states itself in Vietnamese (used to explain "no rule"
// answers) and tests a situation. Rows speak of ROLES only.
import { LOCAL_THADS_ROLES, type Role } from "../../agencies/roles.ts";
import type { Condition } from "../rules.ts";
import { roleIn } from "../situation.ts";

export const label: Partial<Record<Role, string>> = {
  BO_TU_PHAP: "Bộ Tư pháp",
  CUC_BTNN: "Cục BTNN",
  TONG_CUC_THADS: "Tổng cục THADS",
  THADS_TINH: "Cục THADS tỉnh",
  THADS_HUYEN: "Chi cục THADS",
  LANH_DAO_BO: "Lãnh đạo Bộ",
  UBND_TINH: "UBND cấp tỉnh",
  SO_TU_PHAP: "Sở Tư pháp",
  SO_NGANH: "sở, ban, ngành cấp tỉnh",
  UBND_HUYEN: "UBND cấp huyện",
  TOA_AN: "Tòa án nhân dân tỉnh",
  VKS: "Viện kiểm sát nhân dân tỉnh",
  NGUOI_BI_THIET_HAI: "người bị thiệt hại",
};
// People read these (the "no rule" answer on a request): labels only; the codes are in the docs' role table.
export const names = (roles: readonly Role[]): string => roles.map((r) => label[r] ?? r).join(" hoặc ");

export const from = (...roles: Role[]): Condition => ({
  key: "from_role",
  vi: `bên gửi là ${names(roles)}`,
  test: (s) => roleIn(s.from_role, roles),
});
export const to = (...roles: Role[]): Condition => ({
  key: "to_role",
  vi: `bên nhận là ${names(roles)}`,
  test: (s) => roleIn(s.to_role, roles),
});
export const toOrNone = (...roles: Role[]): Condition => ({
  key: "to_role",
  vi: `bên nhận không ghi hoặc là ${names(roles)}`,
  test: (s) => s.to_role === undefined || roleIn(s.to_role, roles),
});
export const managing = (...roles: Role[]): Condition => ({
  key: "managing_role",
  vi: `cơ quan trực tiếp quản lý người thi hành công vụ là ${names(roles)}`,
  test: (s) => roleIn(s.managing_role, roles),
});
export const handling = (...roles: Role[]): Condition => ({
  key: "handling_role",
  vi: `cơ quan giải quyết bồi thường là ${names(roles)}`,
  test: (s) => roleIn(s.handling_role, roles),
});
export const topicIs = (topic: "enforcement" | "compensation"): Condition => ({
  key: "topic",
  vi:
    topic === "enforcement"
      ? `nội dung là nghiệp vụ thi hành án dân sự`
      : `nội dung là nghiệp vụ giải quyết bồi thường`,
  test: (s) => s.topic === topic,
});
export const topicNotEnforcement: Condition = {
  key: "topic",
  vi: `nội dung là nghiệp vụ bồi thường`,
  test: (s) => s.topic !== "enforcement",
};
export const guided = (yes: boolean): Condition => ({
  key: "prior.guided",
  vi: yes ? "đã được UBND cấp tỉnh (Sở Tư pháp) hướng dẫn" : "chưa được UBND cấp tỉnh (Sở Tư pháp) hướng dẫn",
  test: (s) => (s.prior?.guided_by_province === true || s.prior?.guided_by_so_tu_phap === true) === yes,
});
export const monitoringGrounds: Condition = {
  key: "prior.monitoring_grounds",
  vi: "có căn cứ theo dõi theo khoản 1 Điều 9 Thông tư 08/2019/TT-BTP",
  test: (s) => (s.prior?.monitoring_grounds?.length ?? 0) > 0,
};
export const urgingGrounds: Condition = {
  key: "prior.urging_grounds",
  vi: "có căn cứ đôn đốc theo Điều 14 Thông tư 08/2019/TT-BTP",
  test: (s) => (s.prior?.urging_grounds?.length ?? 0) > 0,
};

export const LOCAL = LOCAL_THADS_ROLES as Role[];
export const CENTRAL_PAIR: Role[] = ["CUC_BTNN", "TONG_CUC_THADS"];
