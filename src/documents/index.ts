// Public API of the official-documents module (the HTTP layer calls these).
// .docx: one Decree 30/2020 layout (nd30/) used by every builder (builders/); layout check (inspect/).
// .xlsx: a generic list export and the periodic case lists of KH 2021 mục II.1 (xlsx/).

export type { AcceptanceNoticeInput } from "./builders/acceptance-notice.types.ts";
export type {
  BuilderMeta,
  Claimant,
  DamageItem,
  DocRef,
  DocumentBuilder,
} from "./builders/common.ts";
export type { CompensationDecisionInput } from "./builders/compensation-decision.types.ts";
export type { DamageVerificationReportInput } from "./builders/damage-verification-report.types.ts";
export type { ForwardingLetterInput } from "./builders/forwarding-letter.types.ts";
export type { GuidanceLetterInput } from "./builders/guidance-letter.types.ts";
export {
  acceptanceNotice,
  buildDocument,
  compensationDecision,
  DOCUMENT_BUILDER_IDS,
  DOCUMENT_BUILDERS,
  type DocumentBuilderId,
  damageVerificationReport,
  forwardingLetter,
  guidanceLetter,
  inspectionReport,
  listDocumentTypes,
  meetingReport,
  negotiationMinutes,
  officerAppointmentDecision,
  paymentNotice,
  reportRequestLetter,
  supplementRequestNotice,
  urgingLetter,
} from "./builders/index.ts";
export type { InspectionReportInput } from "./builders/inspection-report.types.ts";
export type { MeetingReportInput } from "./builders/meeting-report.types.ts";
export type { NegotiationMinutesInput } from "./builders/negotiation-minutes.types.ts";
export type { OfficerAppointmentDecisionInput } from "./builders/officer-appointment-decision.types.ts";
export type { PaymentNoticeInput } from "./builders/payment-notice.types.ts";
export type { ReportRequestLetterInput } from "./builders/report-request-letter.types.ts";
export type { SupplementRequestNoticeInput } from "./builders/supplement-request-notice.types.ts";
export type { UrgingLetterInput } from "./builders/urging-letter.types.ts";
export { DocumentInputError, type DocumentIssue, parseInput } from "./errors.ts";
export { EXAMPLES } from "./examples.ts";
export {
  checkNd30Layout,
  type DocxInspection,
  type InspectedBlock,
  type InspectedParagraph,
  inspectDocx,
  isSubsequence,
} from "./inspect/inspect-docx.ts";
export { amountInWordsVi, formatMoneyVi, formatNumberVi, moneyWithWordsVi, numberToWordsVi } from "./money.ts";
export {
  BLOCK_KINDS,
  BLOCK_NAME_VI,
  type BlockKind,
  MOTTO,
  NATIONAL_TITLE,
  ND30,
  REQUIRED_BLOCKS,
  SIGN_AUTHORITIES,
  type SignAuthority,
} from "./nd30/constants.ts";
export { dateWordsVi, formatPlaceDate } from "./nd30/date-line.ts";
export { parseOfficialDocument, renderOfficialDocument } from "./nd30/render.ts";
export {
  type Block,
  type BlockInput,
  type OfficialDocument,
  type OfficialDocumentInput,
  OUTPUT_KINDS,
  type OutputKind,
  officialDocumentInputSchema,
  type Signature,
} from "./nd30/types.ts";
export {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentNumberInput,
  documentSymbol,
  formatDocumentNumber,
  KIND_ABBREVIATION,
  KIND_NAME_VI,
  padDocumentNumber,
} from "./numbering.ts";
export {
  type BacklogList2009Input,
  type BacklogList2009Row,
  buildBacklogList2009,
  buildCaseList2017,
  type CaseList2017Input,
  type CaseList2017Row,
  halfYearLabel,
  quarterLabel,
} from "./xlsx/case-lists.ts";
export {
  addSheet,
  buildSheet,
  type ColumnFormat,
  type SheetColumn,
  type SheetInput,
  STT_COLUMN,
  XLSX_MIME,
} from "./xlsx/sheet.ts";
