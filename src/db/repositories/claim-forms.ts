// TT 04/2018 forms generated from a claim's record. The first generation of a form takes the next number of the
// handling agency's outgoing register (sổ văn bản đi); every later generation of the same form for the same claim
// reuses that number (the register row is looked up under the claim's row lock, so two clicks never take two
// numbers). Each generated file is kept in the claim's documents; reading the claimant's address is audited.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import {
  CLAIM_FORM_CODES,
  CLAIM_FORMS,
  type ClaimFormCode,
  claimFormBody,
  claimFormDate,
  claimFormMeta,
  recordedFormNumber,
  unverifiedFormFooter,
} from "../../documents/claim-forms.ts";
import {
  DOCUMENT_BUILDERS,
  documentSymbol,
  formatDocumentNumber,
  renderOfficialDocument,
} from "../../documents/index.ts";
import { padDocumentNumber } from "../../documents/numbering.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { agencies, claimDocuments, outgoingRegister } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { agencyNames } from "./agency-lookup.ts";
import { getClaim } from "./claims.ts";
import { placeOf, ROLE_DOC_CODE, type Signer } from "./letters.ts";
import { allocateOutgoing } from "./register.ts";

export type GeneratedForm = {
  bytes: Buffer;
  file_name: string;
  /** "05/QĐ-THADS". */
  number: string;
  form_code: string | null;
  /** True when the number was already in the register (regeneration). */
  reused_number: boolean;
  /** True when the number is the one recorded with the step (the document already had it; no register number). */
  number_recorded: boolean;
  document_id: string;
};

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Cơ quan quản lý nhà nước về công tác bồi thường of the agency's province (Sở Tư pháp), else Bộ Tư pháp. */
async function stateManagementAgency(db: AppDb, provinceCode: string | null): Promise<string> {
  if (provinceCode) {
    const [row] = await db
      .select({ name: agencies.name })
      .from(agencies)
      .where(and(eq(agencies.role, "SO_TU_PHAP"), eq(agencies.provinceCode, provinceCode)));
    if (row) return row.name;
  }
  return "Bộ Tư pháp (Cục Bồi thường nhà nước)";
}

export async function generateClaimForm(
  db: AppDb,
  scope: Scope,
  claimId: string,
  code: ClaimFormCode,
  opts: { signer?: Partial<Signer> } = {},
): Promise<GeneratedForm> {
  requirePermission(scope, "claims.write");
  requirePermission(scope, "register.allocate");
  // The form carries the claimant's address: an audited personal-data read (403 for roles without it).
  const claim = await getClaim(db, scope, claimId, { unmask: true });
  const form = claimFormMeta(code);
  const agencyId = claim.handling_agency_id;
  const issuer = (await agencyNames(db, [agencyId])).get(agencyId);
  if (!issuer) throw new Error(`agency ${agencyId} missing`);
  const body = claimFormBody(code, {
    code: claim.code,
    summary: claim.summary,
    claimant: {
      name: claim.claimant_name,
      address: claim.claimant_address,
      id_number: claim.claimant_id_number,
    },
    amount_requested: claim.amount_requested,
    amount_advance: claim.amount_advance,
    events: claim.events,
    agency: { name: issuer.name, head_title: "Thủ trưởng" },
    state_management_agency: await stateManagementAgency(db, issuer.province_code),
  });
  const date = claimFormDate(code, claim.events);
  const shortCode = ROLE_DOC_CODE[issuer.role] ?? "CQ";
  const kind = form.kind;
  const entityId = `${claimId}:${code}`;
  // A decision, report or minutes recorded with its own number is printed with it: the register does not number the
  // same document a second time (the paper handed to the person and the steps citing it would disagree).
  const recorded = recordedFormNumber(code, claim.events);
  return db.transaction(async (tx) => {
    // One number per (claim, form): concurrent generations queue on the claim row.
    await tx.execute(sql`select id from claims where id = ${claimId} for update`);
    const [existing] = recorded
      ? [undefined]
      : await tx
          .select()
          .from(outgoingRegister)
          .where(and(eq(outgoingRegister.entity, "claim_form"), eq(outgoingRegister.entityId, entityId)));
    const entry = recorded
      ? { number: recorded.value }
      : (existing ??
        (await allocateOutgoing(tx, scope, {
          agency_id: agencyId,
          year: Number(date.slice(0, 4)),
          doc_kind: kind,
          subject: `${form.form_code ?? form.name_vi} — ${form.name_vi} (vụ việc ${claim.code})`.slice(0, 1000),
          symbol: documentSymbol({ kind, issuer_code: shortCode }),
          issued_on: date,
          entity: "claim_form",
          entity_id: entityId,
        })));
    const builder = DOCUMENT_BUILDERS[form.builder] as {
      toDocument(i: unknown): Parameters<typeof renderOfficialDocument>[0];
    };
    const doc = builder.toDocument({
      issuer: { ...(issuer.parent ? { parent: issuer.parent } : {}), name: issuer.name, short_code: shortCode },
      number: entry.number,
      place: placeOf(issuer.province_code),
      date,
      signature: {
        ...(opts.signer?.authority ? { authority: opts.signer.authority } : {}),
        ...(opts.signer?.authority_title ? { authority_title: opts.signer.authority_title } : {}),
        title: opts.signer?.title?.trim() || "THỦ TRƯỞNG CƠ QUAN",
        name: opts.signer?.name?.trim() || "……………………",
      },
      ...body,
    });
    if (recorded) doc.number = { value: recorded.value, symbol: recorded.symbol };
    if (!form.meta.form_text_verified) doc.footer_note = unverifiedFormFooter(form.form_code);
    const bytes = await renderOfficialDocument(doc);
    const display = recorded?.display ?? formatDocumentNumber({ number: entry.number, kind, issuer_code: shortCode });
    const fileName = `${(form.form_code ?? form.name_vi).replaceAll("/", "-")} ${display.replaceAll("/", "-")}.docx`;
    const [row] = await tx
      .insert(claimDocuments)
      .values({
        claimId,
        kind: "form",
        title: `${form.form_code ? `${form.form_code} — ` : ""}${form.name_vi}`,
        number: display,
        issuedOn: date,
        fileName,
        mimeType: DOCX,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        content: bytes,
        uploadedBy: scope.userId,
      })
      .returning({ id: claimDocuments.id });
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "claim.form.generate",
      entity: "claim",
      entity_id: claimId,
      after: {
        form: code,
        number: display,
        reused_number: !!existing,
        number_recorded: !!recorded,
        document_id: row.id,
      },
    });
    return {
      bytes,
      file_name: fileName,
      number: display,
      form_code: form.form_code,
      reused_number: !!existing,
      number_recorded: !!recorded,
      document_id: row.id,
    };
  });
}

/** The forms a claim's record can fill: available when the step is recorded; the number once in the register. */
export async function listClaimForms(db: AppDb, scope: Scope, claimId: string) {
  const claim = await getClaim(db, scope, claimId, { unmask: false });
  const numbered = await db
    .select({ entityId: outgoingRegister.entityId, number: outgoingRegister.number, symbol: outgoingRegister.symbol })
    .from(outgoingRegister)
    .where(and(eq(outgoingRegister.entity, "claim_form"), sql`${outgoingRegister.entityId} like ${`${claimId}:%`}`));
  const byCode = new Map(numbered.map((n) => [n.entityId?.split(":")[1], n]));
  const types = new Set(claim.events.map((e) => e.type));
  return CLAIM_FORM_CODES.map((code) => {
    const f = claimFormMeta(code);
    const steps = CLAIM_FORMS[code].step as readonly string[];
    const n = byCode.get(code);
    const recorded = recordedFormNumber(code, claim.events);
    return {
      code,
      form_code: f.form_code,
      name: f.name_vi,
      steps: [...steps],
      available: steps.some((s) => types.has(s)),
      number: recorded?.display ?? (n ? `${padDocumentNumber(n.number)}/${n.symbol ?? ""}` : null),
      form_text_verified: f.meta.form_text_verified,
    };
  });
}
