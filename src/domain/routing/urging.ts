// The URGING LADDER of KH 2021 mục II.6 made explicit:
//   6.1 Cục BTNN asks the UBND cấp tỉnh to urge (TT 08 Điều 13 khoản 3 điểm c)
//   → 6.2 Cục BTNN urges the local enforcement office directly when the province did not urge, or urged without result
//         (TT 08 Điều 13 khoản 3 điểm d)
//   → 6.3 Cục BTNN asks Tổng cục THADS to direct and urge the office (Luật TNBTCNN 2017 Điều 75 khoản 3).
// The plan conditions 6.2 on 6.1 explicitly; placing 6.3 after 6.2 follows the escalation order of the plan (anchors.md).

import { z } from "zod";
import type { Role } from "../agencies/roles.ts";
import { DomainError } from "../shared/errors.ts";
import { getRule } from "./rules.ts";
import type { Prior } from "./situation.ts";

export const URGING_RUNGS = ["KH2021.II.6.1", "KH2021.II.6.2", "KH2021.II.6.3"] as const;
export type UrgingRung = (typeof URGING_RUNGS)[number];

/**
 * What happened after a rung:
 * - "complied": the urged office did what it was urged to do (ladder ends);
 * - "province_did_not_urge": (6.1 only) the UBND tỉnh did not urge;
 * - "not_complied": the urging was made but the office did not comply.
 */
export const URGING_OUTCOMES = ["complied", "province_did_not_urge", "not_complied"] as const;
export type UrgingOutcome = (typeof URGING_OUTCOMES)[number];

export interface UrgingStep {
  rung: UrgingRung;
  outcome: UrgingOutcome;
}

const stepSchema = z.strictObject(
  {
    rung: z.enum(URGING_RUNGS, {
      error: (iss) =>
        `Trường "rung": bậc đôn đốc ${JSON.stringify(iss.input)} không hợp lệ — cần một trong: ${URGING_RUNGS.join(", ")}.`,
    }),
    outcome: z.enum(URGING_OUTCOMES, {
      error: (iss) =>
        `Trường "outcome": kết quả ${JSON.stringify(iss.input)} không hợp lệ — cần một trong: ${URGING_OUTCOMES.join(", ")}.`,
    }),
  },
  { error: () => "Mỗi bước đôn đốc phải là đối tượng { rung, outcome } và không có trường khác." },
);
export const urgingHistorySchema = z.array(stepSchema, {
  error: () => "Lịch sử đôn đốc phải là một danh sách các bước { rung, outcome }.",
});

export interface NextUrgingRung {
  rule: UrgingRung;
  clause: string;
  basis: string;
  lead: Role;
  /** Whom the next letter is addressed to ("$managing" = the local enforcement office managing the official). */
  to: Role | "$managing";
  /** The `prior` flags a situation for route() should carry at this rung (urging grounds must be added). */
  prior: Prior;
  why: string;
}

function rung(rule: UrgingRung, to: Role | "$managing", prior: Prior, why: string): NextUrgingRung {
  const r = getRule(rule)!;
  return { rule, clause: r.clause, basis: r.basis, lead: "CUC_BTNN", to, prior, why };
}

/**
 * Given the rungs already taken (oldest first) and their outcomes, names the next rung with its clause, or null when the
 * office complied or the ladder is exhausted. Throws DomainError on a history that skips or repeats rungs.
 */
export function nextUrgingRung(history: unknown): NextUrgingRung | null {
  const parsed = urgingHistorySchema.safeParse(history);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const field = ["history", ...i.path.map(String)].join(".");
    throw new DomainError("invalid_urging_history", field, parsed.error.issues.map((x) => x.message).join(" "));
  }
  const steps = parsed.data;
  for (let i = 0; i < steps.length; i++) {
    const expected = URGING_RUNGS[i];
    if (steps[i].rung !== expected) {
      throw new DomainError(
        "invalid_urging_history",
        `history.${i}.rung`,
        `Bước ${i + 1} phải là bậc ${expected ?? "(không còn bậc nào)"} — thang đôn đốc đi lần lượt 6.1 → 6.2 → 6.3, nhận được ${steps[i].rung}.`,
      );
    }
    if (steps[i].outcome === "province_did_not_urge" && steps[i].rung !== "KH2021.II.6.1") {
      throw new DomainError(
        "invalid_urging_history",
        `history.${i}.outcome`,
        `Kết quả "province_did_not_urge" chỉ dùng cho bậc KH2021.II.6.1 (đề nghị UBND tỉnh đôn đốc).`,
      );
    }
    if (steps[i].outcome === "complied" && i < steps.length - 1) {
      throw new DomainError(
        "invalid_urging_history",
        `history.${i + 1}.rung`,
        "Cơ quan được đôn đốc đã thực hiện nội dung đôn đốc — không còn bậc đôn đốc tiếp theo.",
      );
    }
  }
  const last = steps[steps.length - 1];
  if (last === undefined) {
    return rung(
      "KH2021.II.6.1",
      "UBND_TINH",
      {},
      "Chưa có bước đôn đốc nào: Cục BTNN đề nghị UBND cấp tỉnh đôn đốc cơ quan THADS địa phương.",
    );
  }
  if (last.outcome === "complied") return null;
  if (last.rung === "KH2021.II.6.1") {
    const prior: Prior =
      last.outcome === "province_did_not_urge"
        ? { province_asked_to_urge: true, province_urged: false }
        : { province_asked_to_urge: true, province_urged: true, urged_party_complied: false };
    const why =
      last.outcome === "province_did_not_urge"
        ? "Đã đề nghị UBND tỉnh đôn đốc nhưng UBND tỉnh không đôn đốc: Cục BTNN trực tiếp đôn đốc."
        : "UBND tỉnh đã đôn đốc mà cơ quan được đôn đốc không thực hiện: Cục BTNN trực tiếp đôn đốc.";
    return rung("KH2021.II.6.2", "$managing", prior, why);
  }
  if (last.rung === "KH2021.II.6.2") {
    return rung(
      "KH2021.II.6.3",
      "TONG_CUC_THADS",
      {},
      "Cục BTNN đã trực tiếp đôn đốc mà cơ quan THADS địa phương không thực hiện: đề nghị Tổng cục THADS chỉ đạo, đôn đốc.",
    );
  }
  return null; // 6.3 taken without result: the ladder of KH 2021 is exhausted
}
