// Claim files (/api/claims/*): list, create, backfill and import, events, corrections, documents, forms.
import { eq } from "drizzle-orm";
import { claimEvents, claims } from "../../../src/db/schema/index.ts";
import { type Area, all, CREATE_FOR_AGENCY, LIST, READ_SCOPED, row, WRITE_SCOPED } from "./matrix.ts";
import { AGENCY, acceptedClaim, claimDocumentOf, fx, ids, importXlsx, newClaim, uniq, version } from "./objects.ts";

export const CLAIMS: Area = {
  "GET /api/claims": {
    expect: LIST,
    call: (t) => ({ method: "GET", url: `/api/claims?handling_agency_id=${AGENCY[t].thads}` }),
  },
  "POST /api/claims": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/claims",
      payload: { field: "civil_enforcement", handling_agency_id: AGENCY[t].thads, claimant_name: "Trần Thị Tạo Mới" },
    }),
  },
  "GET /api/claims/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}` }),
  },
  "PATCH /api/claims/:id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "PATCH",
      url: `/api/claims/${ids.claim[t]}`,
      payload: { summary: `Sửa ${uniq()}`, version: await version(claims, ids.claim[t]) },
    }),
  },
  "GET /api/claims/:id/events": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/events` }),
  },
  "POST /api/claims/:id/events": {
    expect: WRITE_SCOPED(201),
    call: async (t) => ({
      method: "POST",
      url: `/api/claims/${await newClaim(t)}/events`,
      payload: { type: "file_valid", date: "2024-03-04" },
    }),
  },
  "GET /api/claims/:id/deadlines": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/deadlines` }),
  },
  // Backfill of an existing case: claims.backfill (agency admin, leader), not an officer's live recording.
  "POST /api/claims/backfill": {
    expect: row([201, 201], [201, 403], all(403), all(403)),
    call: (t) => ({
      method: "POST",
      url: "/api/claims/backfill",
      payload: {
        field: "civil_enforcement",
        handling_agency_id: AGENCY[t].thads,
        claimant_name: "Lê Văn Hồ Sơ Cũ",
        events: [
          { type: "decision_effective", date: "2023-03-02" },
          { type: "funds_received", date: "2023-03-20" },
        ],
      },
    }),
  },
  // Cải chính of an open claim: claims.write (a closed claim also needs claims.correct_closed: tests/http/claim-file).
  "POST /api/claims/:id/corrections": {
    expect: WRITE_SCOPED(200),
    call: async (t) => {
      const id = await newClaim(t);
      const [e] = await fx.database.db
        .select({ id: claimEvents.id })
        .from(claimEvents)
        .where(eq(claimEvents.claimId, id));
      return {
        method: "POST",
        url: `/api/claims/${id}/corrections`,
        payload: { event: { event_id: e.id, action: "correct", date: "2024-03-02" }, reason: "Ghi nhầm ngày nhận" },
      };
    },
  },
  "GET /api/claims/:id/forms": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/forms` }),
  },
  // Taking over existing claims from XLSX is backfill (claims.backfill); an agency out of scope is a cell error (422).
  "GET /api/claims/import/template": {
    expect: row(all(200), all(200), all(403), all(403)),
    call: () => ({ method: "GET", url: "/api/claims/import/template" }),
  },
  "POST /api/claims/import": {
    expect: row([201, 201], [201, 422], all(403), all(403)),
    call: async (t) => ({
      method: "POST",
      url: "/api/claims/import",
      payload: await importXlsx(AGENCY[t].thads),
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  "GET /api/claims/:id/documents": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/claims/${ids.claim[t]}/documents` }),
  },
  "POST /api/claims/:id/documents": {
    expect: WRITE_SCOPED(201),
    call: (t) => ({
      method: "POST",
      url: `/api/claims/${ids.claim[t]}/documents?kind=evidence&title=Ch%E1%BB%A9ng%20c%E1%BB%A9&file_name=a.pdf`,
      payload: Buffer.from("%PDF-1.4\nma tran\n%%EOF\n"),
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  "GET /api/claims/:id/documents/:document_id": {
    expect: READ_SCOPED,
    call: async (t) => ({
      method: "GET",
      url: `/api/claims/${ids.claim[t]}/documents/${await claimDocumentOf(ids.claim[t])}`,
    }),
  },
  "GET /api/claims/:id/forms/:form": {
    expect: WRITE_SCOPED(200), // numbers the form in the outgoing register
    call: async (t) => ({
      method: "GET",
      url: `/api/claims/${await acceptedClaim(t)}/forms/03`,
    }),
  },
};
