// Registry of document builders (one file each, contract in <name>.types.ts beside it).
import { DocumentInputError } from "../errors.ts";
import { acceptanceNotice } from "./acceptance-notice.ts";
import { compensationDecision } from "./compensation-decision.ts";
import { damageVerificationReport } from "./damage-verification-report.ts";
import { forwardingLetter } from "./forwarding-letter.ts";
import { guidanceLetter } from "./guidance-letter.ts";
import { inspectionReport } from "./inspection-report.ts";
import { meetingReport } from "./meeting-report.ts";
import { negotiationMinutes } from "./negotiation-minutes.ts";
import { officerAppointmentDecision } from "./officer-appointment-decision.ts";
import { paymentNotice } from "./payment-notice.ts";
import { reportRequestLetter } from "./report-request-letter.ts";
import { supplementRequestNotice } from "./supplement-request-notice.ts";
import { urgingLetter } from "./urging-letter.ts";

export const DOCUMENT_BUILDERS = {
  guidance_letter: guidanceLetter,
  urging_letter: urgingLetter,
  report_request_letter: reportRequestLetter,
  forwarding_letter: forwardingLetter,
  meeting_report: meetingReport,
  inspection_report: inspectionReport,
  damage_verification_report: damageVerificationReport,
  negotiation_minutes: negotiationMinutes,
  compensation_decision: compensationDecision,
  supplement_request_notice: supplementRequestNotice,
  acceptance_notice: acceptanceNotice,
  officer_appointment_decision: officerAppointmentDecision,
  payment_notice: paymentNotice,
} as const;

export type DocumentBuilderId = keyof typeof DOCUMENT_BUILDERS;
export const DOCUMENT_BUILDER_IDS = Object.keys(DOCUMENT_BUILDERS) as DocumentBuilderId[];

/** Metadata of every builder (id, Vietnamese name, kind, form code, basis, form_text_verified). */
export function listDocumentTypes() {
  return DOCUMENT_BUILDER_IDS.map((id) => DOCUMENT_BUILDERS[id].meta);
}

/**
 * Builds a document by builder id from untyped input (e.g. an HTTP body). Throws DocumentInputError on bad input
 * also for an unknown id (field "type").
 */
export async function buildDocument(id: string, input: unknown): Promise<Buffer> {
  const b = (DOCUMENT_BUILDERS as Record<string, { build(i: unknown): Promise<Buffer> }>)[id];
  if (!b) {
    throw new DocumentInputError([
      {
        field: "type",
        message: `Trường "type" (loại văn bản): "${id}" không được hỗ trợ; có: ${DOCUMENT_BUILDER_IDS.join(", ")}.`,
      },
    ]);
  }
  return b.build(input);
}

export {
  acceptanceNotice,
  compensationDecision,
  damageVerificationReport,
  forwardingLetter,
  guidanceLetter,
  inspectionReport,
  meetingReport,
  negotiationMinutes,
  officerAppointmentDecision,
  paymentNotice,
  reportRequestLetter,
  supplementRequestNotice,
  urgingLetter,
};
