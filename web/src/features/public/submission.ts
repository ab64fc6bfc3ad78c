// The bodies the submission form sends: the filled Mẫu 01 letter (POST /api/public/claim-form) and the submission
// itself (POST /api/public/submissions); contracts in src/http/contracts/public-portal.ts.
import { CONSENT_VERSION } from "../../../../src/domain/portal/consent.ts";
import { type Answers, parseViDate } from "./check.ts";
import { damageHeadsBody, type HeadValues } from "./DamageHeads.tsx";
import type { attachmentsBody } from "./SubmitFiles.tsx";

export type Person = {
  full_name: string;
  date_of_birth: string;
  id_number: string;
  address: string;
  phone: string;
  email: string;
};
export const NO_PERSON: Person = { full_name: "", date_of_birth: "", id_number: "", address: "", phone: "", email: "" };

/** What the person asks for besides the damages (an advance, the basis document collected, honour restored). */
export type Requests = {
  request_advance: boolean;
  request_basis_document_collection: boolean;
  request_honour: boolean;
};
export const NO_REQUESTS: Requests = {
  request_advance: false,
  request_basis_document_collection: false,
  request_honour: false,
};

export type ClaimDraft = {
  kind: "claim" | "support";
  /** The guided check's answers on the path taken. */
  answers: Answers;
  person: Person;
  facts: string;
  heads: HeadValues;
  requests: Requests;
};

/** The person as the API takes it: empty optional fields left out, the date of birth as typed read as a date (a date
 * that does not read is sent as typed, for the server to name the field). */
function personBody(person: Person) {
  const dob = person.date_of_birth ? parseViDate(person.date_of_birth) : undefined;
  return {
    full_name: person.full_name,
    address: person.address,
    ...(dob ? { date_of_birth: dob } : person.date_of_birth ? { date_of_birth: person.date_of_birth } : {}),
    ...(person.id_number ? { id_number: person.id_number } : {}),
    ...(person.phone ? { phone: person.phone } : {}),
    ...(person.email ? { email: person.email } : {}),
  };
}

/** The body of the filled claim letter (Mẫu 01/BTNN). */
export function claimFormBody(d: ClaimDraft) {
  return {
    answers: d.answers,
    person: personBody(d.person),
    facts: d.facts,
    damage_heads: damageHeadsBody(d.heads),
    ...d.requests,
  };
}

/** The body of the submission: a support request carries no damage heads; consent is the text version shown. */
export function submissionBody(
  d: ClaimDraft,
  extra: {
    attachments: Awaited<ReturnType<typeof attachmentsBody>>;
    factor: { kind: "phone" | "id_last4"; value: string };
    /** The honeypot: sent only when something filled it in. */
    website: string;
  },
) {
  return {
    kind: d.kind,
    answers: d.answers,
    person: personBody(d.person),
    facts: d.facts,
    damage_heads: d.kind === "claim" ? damageHeadsBody(d.heads) : [],
    ...d.requests,
    attachments: extra.attachments,
    factor: extra.factor,
    consent: { accepted: true, text_version: CONSENT_VERSION },
    ...(extra.website ? { website: extra.website } : {}),
  };
}

/** What the person typed on the submission form, kept in sessionStorage like the check's answers: a reload, or Back
 * and Forward, loses nothing; gone when the tab closes (a shared phone keeps no trace) or once the file is sent. Files
 * (not storable) and the consent (given again on purpose) are not kept. */
export type KeptDraft = Omit<ClaimDraft, "answers"> & { factor: { kind: "phone" | "id_last4"; value: string } };
const DRAFT_KEY = "btnn.portal.draft";

export function keptDraft(): Partial<KeptDraft> {
  try {
    const v = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? "{}") as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Partial<KeptDraft>) : {};
  } catch {
    return {};
  }
}

export function keepDraft(d: KeptDraft | null): void {
  try {
    if (d) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(d));
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // storage full or disabled: the draft lives as long as the page
  }
}
