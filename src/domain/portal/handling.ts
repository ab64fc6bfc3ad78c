// How an officer handles an online submission (issue 15 item 4), pure: which action each state allows and why
// (the law cited), the claim field a file is accepted under, and the person's data as an officer sees it (masked like a
// claimant's unless revealed).
import { maskAddress, maskValue } from "../access/mask.ts";
import { DomainError } from "../shared/errors.ts";
import { DAMAGE_HEADS_VI, type DamageHeadKey } from "./damage-heads.ts";
import type { SubmissionKind, SubmissionStep } from "./submission.ts";

export const HANDLING_ACTIONS = ["accept", "refuse", "forward", "answer"] as const;
export type HandlingAction = (typeof HANDLING_ACTIONS)[number];

export type HandlingState = {
  kind: SubmissionKind;
  status: SubmissionStep;
  /** Sent to the Sở Tư pháp because the handling agency was unclear, and not forwarded yet. */
  determined_by_so_tu_phap: boolean;
};

/** Still waiting on the holder (the inbox shows it). */
export const OPEN_STEPS: readonly SubmissionStep[] = ["received", "forwarded"];

const DONE_VI: Record<SubmissionStep, string> = {
  received: "",
  forwarded: "",
  accepted: "Hồ sơ này đã được tiếp nhận thành vụ việc; không thể xử lý lại.",
  answered: "Đề nghị này đã được trả lời; không thể xử lý lại.",
  refused: "Hồ sơ này đã được trả lại cho người gửi; không thể xử lý lại.",
  withdrawn: "Người gửi đã rút hồ sơ (rút lại sự đồng ý xử lý dữ liệu cá nhân); không thể xử lý hồ sơ này.",
};

/** Whether the holder may take `action` now; the reason (Vietnamese, citing the law) when not. */
export function refusal(s: HandlingState, action: HandlingAction): string | null {
  if (!OPEN_STEPS.includes(s.status)) return DONE_VI[s.status];
  const atSoTuPhap = s.determined_by_so_tu_phap && s.status === "received";
  switch (action) {
    case "accept":
      if (s.kind !== "claim") return "Đây là đề nghị hỗ trợ, không phải hồ sơ yêu cầu bồi thường: hãy trả lời đề nghị.";
      // Luật TNBTCNN 2017, Điều 41 khoản 4; Nghị định 68/2018/NĐ-CP, Điều 32–33: the Sở Tư pháp determines the
      // handling agency and forwards the file; it does not accept it itself.
      return atSoTuPhap
        ? "Hồ sơ gửi Sở Tư pháp vì chưa rõ cơ quan giải quyết: hãy xác định cơ quan giải quyết bồi thường và chuyển hồ sơ (Luật TNBTCNN 2017, Điều 41 khoản 4)."
        : null;
    case "forward":
      if (s.kind !== "claim") return "Chỉ hồ sơ yêu cầu bồi thường mới được chuyển cơ quan giải quyết.";
      return atSoTuPhap
        ? null
        : "Chỉ Sở Tư pháp nhận hồ sơ khi chưa rõ cơ quan giải quyết mới chuyển hồ sơ (Luật TNBTCNN 2017, Điều 41 khoản 4); hồ sơ này đã ở cơ quan giải quyết.";
    case "answer":
      return s.kind === "support"
        ? null
        : "Hồ sơ yêu cầu bồi thường được tiếp nhận, chuyển hoặc trả lại; chỉ đề nghị hỗ trợ mới được trả lời.";
    case "refuse":
      return null;
  }
}

/** Throws a 409 DomainError naming the action when the state does not allow it. */
export function requireAllowed(s: HandlingState, action: HandlingAction): void {
  const why = refusal(s, action);
  if (why) throw new DomainError("conflict", action, why);
}

export function allowedActions(s: HandlingState): HandlingAction[] {
  return HANDLING_ACTIONS.filter((a) => refusal(s, a) === null);
}

export type PersonFields = {
  full_name: string;
  date_of_birth: string | null;
  id_number: string | null;
  address: string;
  phone: string | null;
  email: string | null;
};

/** The person as an officer sees them: the name readable (like a claimant's), the rest masked unless revealed. */
export function maskPerson(p: PersonFields, reveal: boolean): PersonFields & { masked: boolean } {
  if (reveal) return { ...p, masked: false };
  const at = p.email ? p.email.lastIndexOf("@") : -1;
  return {
    full_name: p.full_name,
    date_of_birth: p.date_of_birth ? `••/••/${p.date_of_birth.slice(0, 4)}` : null,
    id_number: maskValue(p.id_number, 3),
    address: maskAddress(p.address) ?? "•••",
    phone: maskValue(p.phone, 2),
    email: p.email ? `${p.email.slice(0, 1)}•••${at > 0 ? p.email.slice(at) : ""}` : null,
    masked: true,
  };
}

export type SubmittedRequest = {
  damage_heads?: Array<{ head: DamageHeadKey; description: string; amount?: number }>;
  request_advance?: boolean;
  request_basis_document_collection?: boolean;
  request_honour?: boolean;
};

const ASKS_VI = {
  request_advance: "tạm ứng kinh phí bồi thường (Luật TNBTCNN 2017, Điều 44)",
  request_basis_document_collection: "cơ quan thu thập văn bản làm căn cứ yêu cầu bồi thường (Điều 41 khoản 3)",
  request_honour: "phục hồi danh dự (Điều 56–59)",
} as const;

/**
 * The summary of a claim accepted from an online submission: the facts, then what the person claims under each
 * damage head (Điều 23–28) and what else they ask — the claim's screen and forms showed only the facts and a total,
 * so the heads, their descriptions and a request for an advance were lost on the way to the officer.
 */
export function claimSummaryFromSubmission(code: string, facts: string, request: SubmittedRequest): string {
  const lines = [`Hồ sơ gửi trực tuyến, mã ${code}. ${facts}`];
  const heads = request.damage_heads ?? [];
  if (heads.length) {
    lines.push("Thiệt hại yêu cầu bồi thường:");
    for (const h of heads) {
      const amount =
        typeof h.amount === "number" ? ` — ${String(h.amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng` : "";
      lines.push(`- ${DAMAGE_HEADS_VI[h.head]?.label ?? h.head}: ${h.description}${amount}`);
    }
  }
  const asks = (Object.keys(ASKS_VI) as Array<keyof typeof ASKS_VI>).filter((k) => request[k]);
  if (asks.length) lines.push(`Người yêu cầu đề nghị: ${asks.map((k) => ASKS_VI[k]).join("; ")}.`);
  return lines.join("\n").slice(0, 5000);
}
