// TT 04/2018/TT-BTP forms filled from a claim's record (pure: claim facts in, builder input out). Which form, which
// builder, and which recorded step it needs; the HTTP/CLI layer numbers it in the outgoing register once and renders.
// Where a fact the form needs was not recorded, a DomainError names the step and field to record first.
import { DAMAGE_HEAD_VI, type DamageHead, PAYMENT_METHOD_VI } from "../domain/claims/event-data.ts";
import { EVENT_LABELS_VI, type EventType } from "../domain/claims/events.ts";
import { DomainError } from "../domain/shared/errors.ts";
import type { DocumentBuilderId } from "./builders/index.ts";
import { DOCUMENT_BUILDERS } from "./builders/index.ts";
import { DOCUMENT_SYMBOL } from "./nd30/types.ts";
import { padDocumentNumber } from "./numbering.ts";

/** TT 04/2018/TT-BTP form number → builder and the step whose record fills it (Điều 3 TT 04/2018, list of 21 forms). */
/** `number`: the step's field holding the number of the very document the form is (the decision, report or minutes
 * recorded with its number) — printed as recorded instead of a new register number, so the paper handed over and the
 * record citing it agree. */
export const CLAIM_FORMS = {
  "02": { builder: "supplement_request_notice", step: ["supplement_requested"] },
  "03": { builder: "acceptance_notice", step: ["accepted", "refused"] },
  "05": { builder: "officer_appointment_decision", step: ["officer_appointed"], number: "decision_number" },
  "07": { builder: "damage_verification_report", step: ["verification_report_done"], number: "report_number" },
  "08": { builder: "negotiation_minutes", step: ["negotiation_ended"], number: "minutes_number" },
  "09": { builder: "compensation_decision", step: ["decision_issued"], number: "decision_number" },
  "19": { builder: "payment_notice", step: ["funds_received"] },
} as const satisfies Record<string, { builder: DocumentBuilderId; step: readonly EventType[]; number?: string }>;
export type ClaimFormCode = keyof typeof CLAIM_FORMS;
export const CLAIM_FORM_CODES = Object.keys(CLAIM_FORMS) as ClaimFormCode[];

/** Accepts "09", "9", "mau-09", "Mẫu 09/BTNN" or the builder id. */
export function parseClaimFormCode(input: string): ClaimFormCode | undefined {
  const s = input.trim();
  for (const [code, f] of Object.entries(CLAIM_FORMS)) if (f.builder === s) return code as ClaimFormCode;
  const m = /^(?:m[aẫ]u[\s_-]*)?0?(\d{1,2})(?:\/BTNN)?$/iu.exec(s);
  if (!m) return undefined;
  const code = m[1].padStart(2, "0");
  return code in CLAIM_FORMS ? (code as ClaimFormCode) : undefined;
}

export function claimFormMeta(code: ClaimFormCode) {
  const f = CLAIM_FORMS[code];
  const meta = DOCUMENT_BUILDERS[f.builder].meta;
  return { code, builder: f.builder, form_code: meta.form_code, name_vi: meta.name_vi, kind: meta.kind, meta };
}

export type ClaimFormEvent = {
  type: string;
  date: string;
  ground?: string | null;
  note?: string | null;
  data?: unknown;
};

export type ClaimFormSource = {
  code: string;
  summary: string | null;
  claimant: { name: string; address: string | null; id_number: string | null };
  /** The amount claimed (the claim's "số tiền yêu cầu bồi thường"), when known. */
  amount_requested: number | null;
  amount_advance: number | null;
  events: readonly ClaimFormEvent[];
  agency: { name: string; head_title: string };
  state_management_agency: string;
};

/** The form's date: the day of the step it records (a Vietnam calendar date stored with the event). */
export function claimFormDate(code: ClaimFormCode, events: readonly ClaimFormEvent[]): string {
  return requireStep(code, events).date;
}

function last(events: readonly ClaimFormEvent[], type: EventType): ClaimFormEvent | undefined {
  return [...events].reverse().find((e) => e.type === type);
}
function dataOf(e: ClaimFormEvent | undefined): Record<string, unknown> {
  return e?.data && typeof e.data === "object" ? (e.data as Record<string, unknown>) : {};
}
function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

function missing(field: string, step: EventType, what: string): never {
  throw new DomainError(
    "form_data_missing",
    field,
    `Chưa đủ dữ liệu để lập biểu mẫu: cần ${what} ở bước "${EVENT_LABELS_VI[step]}" — hãy ghi nhận bước đó trước.`,
  );
}

function requireStep(code: ClaimFormCode, events: readonly ClaimFormEvent[]): ClaimFormEvent {
  const steps = CLAIM_FORMS[code].step as readonly EventType[];
  const e = [...events].reverse().find((x) => steps.includes(x.type as EventType));
  if (!e) missing("form", steps[0], "bước này được ghi nhận");
  return e;
}

/**
 * The number recorded on the form's step for the document itself ("15/QĐ-THADS", "3 / BB-THADS"), split into the số
 * and the ký hiệu; undefined when none was recorded or it does not read as số/ký hiệu (the register numbers it then).
 */
export function recordedFormNumber(
  code: ClaimFormCode,
  events: readonly ClaimFormEvent[],
): { value: number; symbol: string; display: string } | undefined {
  const f = CLAIM_FORMS[code];
  if (!("number" in f)) return undefined;
  const steps = f.step as readonly string[];
  const step = [...events].reverse().find((x) => steps.includes(x.type));
  const m = /^0*(\d{1,6})\/(.+)$/u.exec((str(dataOf(step)[f.number]) ?? "").replace(/\s+/g, ""));
  if (!m || Number(m[1]) < 1 || !DOCUMENT_SYMBOL.test(m[2])) return undefined;
  return { value: Number(m[1]), symbol: m[2], display: `${padDocumentNumber(Number(m[1]))}/${m[2]}` };
}

type Item = { type: DamageHead; description: string; amount: number };
function decisionItems(events: readonly ClaimFormEvent[]): Item[] | undefined {
  const items = dataOf(last(events, "decision_issued")).items;
  if (!Array.isArray(items) || items.length === 0) return undefined;
  return (items as Array<{ head: DamageHead; description?: string; amount: number }>).map((i) => ({
    type: i.head,
    description: i.description?.trim() || DAMAGE_HEAD_VI[i.head],
    amount: i.amount,
  }));
}

/**
 * Builder input (without issuer, number, place, signature — the caller adds those) for a claim form.
 * Throws DomainError("form_data_missing", field) naming what to record first.
 */
export function claimFormBody(code: ClaimFormCode, src: ClaimFormSource): Record<string, unknown> {
  const ev = src.events;
  const trigger = requireStep(code, ev);
  const claimant = {
    name: src.claimant.name,
    address: src.claimant.address ?? missing("claimant_address", "received", "địa chỉ người yêu cầu bồi thường"),
    ...(src.claimant.id_number ? { id_number: src.claimant.id_number } : {}),
  };
  const basisDocument = {
    type: "Văn bản làm căn cứ yêu cầu bồi thường",
    // The summary's first line (the facts); the heads claimed that may follow have their own place in the forms.
    ...(src.summary ? { summary: `(${src.summary.split("\n")[0].slice(0, 900)})` } : {}),
  };
  const accepted = last(ev, "accepted");
  const officerEv = last(ev, "officer_appointed");
  const officer = dataOf(officerEv);
  const officerName = str(officer.officer_name);
  const officerTitle = str(officer.officer_title) ?? "Người giải quyết bồi thường";
  const received = last(ev, "received");
  switch (code) {
    case "02": {
      const docs = (trigger.note ?? "")
        .split(/\n|;/)
        .map((x) => x.trim())
        .filter(Boolean);
      if (!docs.length)
        missing("note", "supplement_requested", "các giấy tờ cần bổ sung (ghi chú, mỗi giấy tờ một dòng)");
      return {
        claimant,
        received_on: received?.date ?? missing("events", "received", "ngày nhận hồ sơ"),
        missing_documents: docs,
      };
    }
    case "03": {
      const fileValid = last(ev, "file_valid") ?? received;
      if (trigger.type === "accepted")
        return {
          decision: "accepted",
          claimant,
          file_received_on: fileValid?.date ?? trigger.date,
          accepted_on: trigger.date,
          register_entry: src.code,
          state_management_agency: src.state_management_agency,
        };
      const ground = trigger.ground ?? missing("ground", "refused", "căn cứ không thụ lý");
      return {
        decision: "refused",
        claimant,
        file_received_on: fileValid?.date ?? trigger.date,
        refusal_grounds: [ground],
        ...(trigger.note ? { refusal_reason: trigger.note } : {}),
        ...(ground === "a" ? { competent_agency: trigger.note ?? "cơ quan có thẩm quyền" } : {}),
        state_management_agency: src.state_management_agency,
      };
    }
    case "05":
      return {
        issuing_authority: `${src.agency.head_title} ${src.agency.name}`,
        claim_code: src.code,
        claimant,
        accepted_on: accepted?.date ?? missing("events", "accepted", "ngày thụ lý"),
        officer: {
          name: officerName ?? missing("data.officer_name", "officer_appointed", "họ tên người giải quyết"),
          position: officerTitle,
        },
        executors: ["Các đơn vị, cá nhân có liên quan"],
      };
    case "07": {
      const d = dataOf(trigger);
      const verified = typeof d.amount_verified === "number" ? d.amount_verified : undefined;
      // The report states what was verified at its date (Điều 45 khoản 3): the total recorded with the step against
      // the amount claimed. The decision's heads come later (Điều 47) and serve only a report recorded without a total.
      const receivedAmount = dataOf(received).amount_requested;
      const requested = src.amount_requested ?? (typeof receivedAmount === "number" ? receivedAmount : undefined);
      const items = decisionItems(ev);
      const rows =
        verified !== undefined
          ? [
              {
                type: "other_costs",
                description: "Tổng thiệt hại xác minh được (chi tiết theo hồ sơ xác minh)",
                claimed_amount: requested ?? verified,
                verified_amount: verified,
              },
            ]
          : items
            ? items.map((i) => ({ ...i, claimed_amount: i.amount, verified_amount: i.amount }))
            : missing("data.amount_verified", "verification_report_done", "tổng thiệt hại xác minh được");
      const ext =
        typeof d.extension_days === "number" && str(d.extension_reason)
          ? {
              extension: {
                agreed_on: trigger.date,
                reason: str(d.extension_reason),
                extended_until: trigger.date,
              },
            }
          : {};
      const acceptedOn = accepted?.date ?? missing("events", "accepted", "ngày thụ lý");
      return {
        claim_code: src.code,
        claimant,
        basis_document: basisDocument,
        accepted_on: acceptedOn,
        officer: {
          name: officerName ?? missing("data.officer_name", "officer_appointed", "họ tên người giải quyết"),
          position: officerTitle,
        },
        verification_from: acceptedOn,
        verification_to: trigger.date,
        items: rows.map(({ type, description, claimed_amount, verified_amount }) => ({
          type,
          description,
          claimed_amount,
          verified_amount,
        })),
        ...ext,
      };
    }
    case "08": {
      const agreed = trigger.ground !== "failure";
      const items = decisionItems(ev);
      return {
        claim_code: src.code,
        held_on: trigger.date,
        start_time: "… giờ …",
        end_time: "… giờ …",
        venue: str(dataOf(last(ev, "negotiation_started")).venue) ?? `Trụ sở ${src.agency.name}`,
        handling_agency: src.agency.name,
        agency_representatives: [
          {
            name: officerName ?? missing("data.officer_name", "officer_appointed", "họ tên người giải quyết"),
            position: officerTitle,
          },
        ],
        claimant,
        outcome: agreed ? "agreed" : "not_agreed",
        ...(agreed
          ? { items: items ?? missing("data.items", "decision_issued", "các khoản thiệt hại đã thống nhất") }
          : { disagreement: trigger.note ?? "Các bên không thống nhất được mức bồi thường" }),
        ...(src.amount_advance ? { advance_paid: src.amount_advance } : {}),
      };
    }
    case "09": {
      const minutes = last(ev, "negotiation_ended");
      return {
        issuing_authority: `${src.agency.head_title} ${src.agency.name}`,
        claim_code: src.code,
        claimant,
        basis_document: basisDocument,
        negotiation_minutes: {
          date: minutes?.date ?? trigger.date,
          ...(str(dataOf(minutes).minutes_number) ? { number_symbol: str(dataOf(minutes).minutes_number) } : {}),
        },
        items: decisionItems(ev) ?? missing("data.items", "decision_issued", "các khoản thiệt hại và số tiền"),
        ...(src.amount_advance ? { advance_paid: src.amount_advance } : {}),
        executors: [
          ...(officerName ? [`Ông (bà) ${officerName}, người giải quyết bồi thường`] : []),
          `Ông (bà) ${src.claimant.name}`,
        ],
      };
    }
    case "19": {
      const decision = last(ev, "decision_issued");
      const items = decisionItems(ev);
      const total =
        typeof dataOf(decision).amount === "number"
          ? (dataOf(decision).amount as number)
          : missing("data.amount", "decision_issued", "tổng số tiền bồi thường");
      const notice = dataOf(last(ev, "payment_notice_received"));
      const paid = dataOf(last(ev, "paid"));
      return {
        claimant,
        decision: {
          type: "Quyết định giải quyết bồi thường",
          ...(str(dataOf(decision).decision_number) ? { number_symbol: str(dataOf(decision).decision_number) } : {}),
          ...(decision ? { date: decision.date } : {}),
          issuer: src.agency.name,
        },
        total_amount: items ? items.reduce((a, i) => a + i.amount, 0) : total,
        ...(src.amount_advance ? { advance_paid: src.amount_advance } : {}),
        payment_time_place: str(notice.payment_place) ?? `tại trụ sở ${src.agency.name}`,
        payment_method:
          typeof paid.method === "string"
            ? PAYMENT_METHOD_VI[paid.method as keyof typeof PAYMENT_METHOD_VI]
            : "tiền mặt hoặc chuyển khoản theo đề nghị của người yêu cầu bồi thường",
      };
    }
  }
}

/** Footer of a form whose official wording was not checked word for word (builder meta `form_text_verified`). */
export function unverifiedFormFooter(formCode: string | null): string {
  return `${formCode ?? "Biểu mẫu"}: lời văn chưa được đối chiếu nguyên văn với Thông tư 04/2018/TT-BTP (bản hợp nhất 8630/VBHN-BTP) — cần kiểm tra trước khi ban hành.`;
}
