import { ADMIN_ONLY, type Area, LIST } from "./matrix.ts";
import { AGENCY } from "./objects.ts";

export const REFERENCE: Area = {
  "GET /api/agencies": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/agencies?page_size=5" }),
  },
  "GET /api/agencies/tree": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/agencies/tree" }),
  },
  "GET /api/agencies/:id": {
    expect: LIST, // the directory is readable by every signed-in user
    call: (t) => ({ method: "GET", url: `/api/agencies/${AGENCY[t].stp}` }),
  },
  "GET /api/agencies/:id/successors": {
    expect: LIST,
    call: (t) => ({ method: "GET", url: `/api/agencies/${AGENCY[t].stp}/successors` }),
  },
  "PATCH /api/agencies/:id": {
    expect: ADMIN_ONLY(200),
    call: (t) => ({
      method: "PATCH",
      url: `/api/agencies/${AGENCY[t].stp}`,
      payload: { short_name: t === "in" ? "STP Thanh Hóa" : "STP Hà Nội" },
    }),
  },
  "GET /api/calendar/holidays": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/calendar/holidays?year=2025" }),
  },
  "GET /api/calendar/add-period": {
    expect: LIST,
    call: () => ({
      method: "GET",
      url: "/api/calendar/add-period?from=2025-01-20&value=5&unit=working_days",
    }),
  },
};
