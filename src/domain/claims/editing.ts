// What a claim PATCH may change. Amounts and the applicable law are facts of the file's events (decision, advance,
// payment — Luật TNBTCNN 2017 Điều 59, 61, 62, 63) and a closed file is a record: both change only through the events
// or through an audited correction (cải chính) by the agency's leader, never by editing the row.
import { DomainError } from "../shared/errors.ts";
import type { Phase } from "./phases.ts";

/** Fields derived from events (or fixed when the file was opened): never patchable. */
export const EVENT_DERIVED_FIELDS = [
  "amount_requested",
  "amount_decided",
  "amount_paid",
  "amount_advance",
  "law_version",
] as const;

/** Phases in which the compensation file is closed: paid (and the recourse steps after payment), refused, ended. */
export const CLOSED_FILE_PHASES: readonly Phase[] = [
  "paid",
  "council",
  "council_recommended",
  "recourse_decided",
  "refused",
  "terminated",
];

export function isClosedFile(phase: string): boolean {
  return (CLOSED_FILE_PHASES as readonly string[]).includes(phase);
}

/** Refuses (422, the field named) a patch that sets a field derived from events. */
export function refuseEventDerivedFields(patch: object | null | undefined): void {
  if (!patch || typeof patch !== "object") return;
  for (const f of EVENT_DERIVED_FIELDS)
    if (f in patch)
      throw new DomainError(
        "derived_from_events",
        f,
        f === "law_version"
          ? "Không sửa được luật áp dụng: luật áp dụng được xác định khi thụ lý, chỉ thay đổi qua cải chính của lãnh đạo cơ quan."
          : `Không sửa trực tiếp được số tiền "${f}": số tiền chỉ được ghi qua sự kiện của hồ sơ (quyết định, tạm ứng, chi trả) hoặc qua cải chính của lãnh đạo cơ quan.`,
      );
}

/** Refuses (409) any patch of a closed file. */
export function refuseClosedFileEdit(phase: string): void {
  if (isClosedFile(phase))
    throw new DomainError(
      "claim_closed",
      "state",
      "Hồ sơ vụ việc đã khép lại (đã chi trả, không thụ lý hoặc đình chỉ): không sửa trực tiếp được; mọi thay đổi phải thực hiện bằng cải chính do lãnh đạo cơ quan phê duyệt.",
    );
}
