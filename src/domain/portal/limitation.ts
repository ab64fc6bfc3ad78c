// Thời hiệu yêu cầu bồi thường (Luật TNBTCNN 2017, Điều 6) for the public check, explained day by day like the claim
// deadlines ("Vì sao ngày này?"): the duration is the `limitation` row of the legal parameter table, the date is
// counted on the working-day calendar (BLDS 2015, Điều 147–148).
import { addPeriod } from "../calendar/periods.ts";
import type { ExplanationStep, WorkCalendar } from "../calendar/types.ts";
import { type Confidence, parameterFor } from "../legal/parameters.ts";
import { formatVi, type IsoDate, toDayNumber } from "../shared/dates.ts";
import type { BasisAnswer, RequestKind } from "./interview.ts";

export type LimitationStatus =
  /** Honour only: no limitation (Điều 6 khoản 1). */
  | "not_applicable"
  /** The basis document is not received yet: the period has not started. */
  | "not_started"
  | "running"
  | "expired"
  /** Received before the 2017 law applied: not computed here. */
  | "not_computed";

export type Limitation = {
  status: LimitationStatus;
  start: IsoDate | null;
  end: IsoDate | null;
  /** Calendar days from `today` to `end` inclusive of `end`; negative once expired. */
  days_left: number | null;
  basis: string;
  confidence: Confidence;
  explanation: ExplanationStep[];
};

const CITE = "Luật TNBTCNN 2017, Điều 6 khoản 1";

export function computeLimitation(
  cal: WorkCalendar,
  input: { request_kind: RequestKind; has_basis_document: BasisAnswer; basis_document_received_on?: IsoDate },
  today: IsoDate,
): Limitation {
  const note = (text: string, source = CITE): ExplanationStep => ({ rule: "note", text, source });
  if (input.request_kind === "honour_only") {
    return {
      status: "not_applicable",
      start: null,
      end: null,
      days_left: null,
      basis: CITE,
      confidence: "confirmed",
      explanation: [note("Yêu cầu phục hồi danh dự không bị giới hạn bởi thời hiệu.")],
    };
  }
  const received = input.has_basis_document === "yes" ? input.basis_document_received_on : undefined;
  if (!received) {
    return {
      status: "not_started",
      start: null,
      end: null,
      days_left: null,
      basis: CITE,
      confidence: "confirmed",
      explanation: [
        note(
          "Thời hiệu 03 năm chỉ bắt đầu từ ngày bạn nhận được văn bản làm căn cứ yêu cầu bồi thường; khi chưa nhận thì thời hiệu chưa bắt đầu.",
        ),
      ],
    };
  }
  const p = parameterFor("limitation", "law_2017", received);
  if (!p) {
    return {
      status: "not_computed",
      start: received,
      end: null,
      days_left: null,
      basis: "Luật TNBTCNN 2017, điều khoản thi hành (chuyển tiếp)",
      confidence: "unverified",
      explanation: [
        note(
          `Bạn nhận văn bản ngày ${formatVi(received)}, trước ngày Luật TNBTCNN 2017 có hiệu lực (01/7/2018): yêu cầu còn trong thời hiệu theo Luật năm 2009 mà chưa nộp thì được giải quyết theo Luật năm 2017. Hãy hỏi Sở Tư pháp để biết thời hiệu của bạn.`,
          "Luật TNBTCNN 2017, điều khoản thi hành",
        ),
      ],
    };
  }
  const d = addPeriod(cal, received, p.value, p.unit);
  const daysLeft = toDayNumber(d.date) - toDayNumber(today);
  return {
    status: daysLeft < 0 ? "expired" : "running",
    start: received,
    end: d.date,
    days_left: daysLeft,
    basis: p.cite,
    confidence: p.confidence,
    explanation: [
      note(
        `Thời hiệu yêu cầu bồi thường là ${p.value} năm kể từ ngày nhận được văn bản làm căn cứ yêu cầu bồi thường.`,
      ),
      ...d.explanation,
      ...(daysLeft < 0
        ? [note(`Đến hôm nay (${formatVi(today)}) thời hiệu đã hết ${-daysLeft} ngày.`)]
        : [note(`Đến hôm nay (${formatVi(today)}) còn ${daysLeft} ngày.`)]),
      note(
        "Thời gian có sự kiện bất khả kháng, trở ngại khách quan, hoặc người chưa thành niên, mất năng lực hành vi dân sự chưa có người đại diện không tính vào thời hiệu; người yêu cầu phải chứng minh.",
        "Luật TNBTCNN 2017, Điều 6 khoản 3 và khoản 4",
      ),
    ],
  };
}
