import { createRequest } from "../../../src/db/repositories/requests.ts";
import { SYSTEM_SCOPE } from "../../../src/domain/access/scope.ts";
import { type Area, CREATE_FOR_AGENCY, LIST, READ_SCOPED, WRITE_SCOPED } from "./matrix.ts";
import { AGENCY, fx, ids } from "./objects.ts";

export const REGISTERS: Area = {
  "GET /api/outgoing": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/outgoing" }),
  },
  "POST /api/outgoing": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/outgoing",
      payload: {
        agency_id: AGENCY[t].stp,
        year: 2024,
        doc_kind: "letter",
        subject: "Công văn ma trận",
        symbol: "STP-BTNN",
      },
    }),
  },
  // Sổ văn bản đến (issue 17): the receiving agency registers; a request reaching it is registered in one click.
  "GET /api/incoming": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/incoming" }),
  },
  "GET /api/incoming/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/incoming/${ids.incoming[t]}` }),
  },
  "POST /api/incoming": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/incoming",
      payload: { agency_id: AGENCY[t].stp, received_on: "2024-03-05", issuer: "Cục THADS", subject: "Văn bản ma trận" },
    }),
  },
  "PATCH /api/incoming/:id": {
    expect: WRITE_SCOPED(200),
    // Linking the entry to the request it already carries changes nothing: every allowed caller gets 200.
    call: (t) => ({
      method: "PATCH",
      url: `/api/incoming/${ids.incoming[t]}`,
      payload: { request_id: ids.letterRequest[t] },
    }),
  },
  "POST /api/incoming/:id/file": {
    expect: WRITE_SCOPED(201),
    call: (t) => ({
      method: "POST",
      url: `/api/incoming/${ids.incoming[t]}/file?file_name=van-ban-den.txt`,
      payload: Buffer.from("văn bản đến"),
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  "POST /api/requests/:id/incoming": {
    expect: WRITE_SCOPED(201),
    // A fresh request to the Sở each call, so each allowed caller registers a new one (201).
    call: async (t) => {
      const r = await createRequest(fx.database.db, SYSTEM_SCOPE, {
        kind: "guidance",
        from_agency_id: AGENCY[t].thads,
        to_agency_id: AGENCY[t].stp,
        topic: "Đề nghị ma trận",
      });
      return { method: "POST", url: `/api/requests/${r.id}/incoming`, payload: {} };
    },
  },
};
