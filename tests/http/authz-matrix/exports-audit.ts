import { ADMIN_ONLY, type Area, all, LIST, row } from "./matrix.ts";

export const EXPORTS_AUDIT: Area = {
  "GET /api/audit": {
    expect: row(all(200), all(200), all(403), all(403)),
    call: () => ({ method: "GET", url: "/api/audit?page_size=5" }),
  },
  "GET /api/audit/verify": {
    expect: ADMIN_ONLY(200),
    call: () => ({ method: "GET", url: "/api/audit/verify" }),
  },
  // XLSX exports: lists in the caller's scope (audit log: audit.read only).
  "GET /api/exports/claims": {
    expect: row(all(200), all(200), all(200), all(403)), // claims.export
    call: () => ({ method: "GET", url: "/api/exports/claims?year=2024" }),
  },
  "GET /api/exports/outgoing": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/exports/outgoing" }),
  },
  "GET /api/exports/requests": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/exports/requests?box=inbox" }),
  },
  "GET /api/exports/task-instances": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/exports/task-instances" }),
  },
  "GET /api/exports/audit": {
    expect: row(all(200), all(200), all(403), all(403)),
    call: () => ({ method: "GET", url: "/api/exports/audit?action=auth.login" }),
  },
};
