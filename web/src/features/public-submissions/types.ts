// Shapes of /api/public-submissions (src/http/contracts/public-submission-handling.ts).
import type { HandlingAction } from "../../../../src/domain/portal/handling.ts";
import type {
  HandledSubmission as HandledSubmissionBody,
  SubmissionStatus,
} from "../../../../src/http/contracts/public-submission-handling.ts";

export type { SubmissionListItem } from "../../../../src/http/contracts/public-submission-handling.ts";
export type SubmissionAction = HandlingAction;

/** The detail as the screen reads its `request` (the contract keeps it open: what the person asked for). */
export type HandledSubmission = Omit<HandledSubmissionBody, "request"> & {
  request: {
    damage_heads?: Array<{ head: string; description: string; amount?: number }>;
    request_advance?: boolean;
    request_basis_document_collection?: boolean;
    request_honour?: boolean;
  };
};

export const STATUS_COLOR: Record<SubmissionStatus, string> = {
  received: "processing",
  forwarded: "purple",
  accepted: "success",
  answered: "success",
  refused: "default",
  withdrawn: "default",
};
