// Shapes of /api/public-submissions (src/http/contracts/public-submission-handling.ts).
export type SubmissionStatus = "received" | "forwarded" | "accepted" | "answered" | "refused" | "withdrawn";
export type SubmissionAction = "accept" | "refuse" | "forward" | "answer";

export type SubmissionListItem = {
  id: string;
  code: string;
  kind: "claim" | "support";
  status: SubmissionStatus;
  status_label: string;
  submitted_on: string;
  person_name: string;
  holder: { id: string; name: string };
  determined_by_so_tu_phap: boolean;
  due: string | null;
  attachments: number;
  claim_id: string | null;
  held_here: boolean;
};

export type HandledSubmission = Omit<SubmissionListItem, "person_name" | "attachments" | "claim_id"> & {
  submitted_at: string;
  person: {
    full_name: string;
    date_of_birth: string | null;
    id_number: string | null;
    address: string;
    phone: string | null;
    email: string | null;
    masked: boolean;
  };
  answers: Record<string, unknown>;
  facts: string;
  request: {
    damage_heads?: Array<{ head: string; description: string; amount?: number }>;
    request_advance?: boolean;
    request_basis_document_collection?: boolean;
    request_honour?: boolean;
  };
  files: Array<{ id: string; kind: string; title: string; file_name: string; mime_type: string; size: number }>;
  steps: Array<{ step: string; label: string; on: string; agency: string }>;
  answer_text: string | null;
  claim: { id: string; code: string; state: string; state_label: string } | null;
  consent: { at: string; text_version: string; withdrawn_at: string | null };
  actions: SubmissionAction[];
  version: number;
};

/** ABCD-EFGH-JKMN: the receipt code as printed on the phiếu tiếp nhận. */
export const dashedCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");

export const STATUS_COLOR: Record<SubmissionStatus, string> = {
  received: "processing",
  forwarded: "purple",
  accepted: "success",
  answered: "success",
  refused: "default",
  withdrawn: "default",
};
