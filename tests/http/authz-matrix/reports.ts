import { type Area, all, CREATE_FOR_AGENCY, LIST, READ_SCOPED, row, WRITE_SCOPED } from "./matrix.ts";
import { AGENCY, ids, newRound, submittedRound, uniq } from "./objects.ts";

export const REPORTS: Area = {
  // Statistics and report rounds (issue 6): figures are derived inside the caller's scope.
  "GET /api/statistics": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/statistics?kind=year&year=2024" }),
  },
  "GET /api/statistics/trend": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/statistics/trend?from_year=2023&to_year=2024" }),
  },
  "GET /api/statistics/claims": {
    expect: LIST,
    call: () => ({
      method: "GET",
      url: "/api/statistics/claims?kind=year&year=2024&indicator=handled",
    }),
  },
  "GET /api/rankings/provinces": {
    expect: LIST, // rows limited to the provinces in the caller's scope
    call: () => ({ method: "GET", url: "/api/rankings/provinces?kind=year&year=2024" }),
  },
  "GET /api/report-templates": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/report-templates" }),
  },
  "POST /api/report-templates": {
    expect: row(all(201), all(201), all(201), all(403)),
    call: () => ({
      method: "POST",
      url: "/api/report-templates",
      payload: {
        id: `mau-${uniq()}`,
        name: "Mẫu đột xuất",
        summary: "Số liệu đột xuất",
        period_kinds: ["custom"],
        sections: [{ type: "indicators", key: "x", title: "SỐ LIỆU", indicators: ["handled"] }],
        basis: "Kiểm thử",
        confidence: "confirmed",
      },
    }),
  },
  "GET /api/report-rounds": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/report-rounds" }),
  },
  "POST /api/report-rounds": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/report-rounds",
      payload: {
        template_id: "quick-figures",
        period_kind: "custom",
        year: 2024,
        from: "2024-01-01",
        to: "2024-06-30",
        deadline: "2024-07-15",
        agency_id: AGENCY[t].stp,
        participant_ids: [AGENCY[t].thads],
      },
    }),
  },
  "GET /api/report-rounds/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/report-rounds/${ids.round[t]}` }),
  },
  "GET /api/report-rounds/:id/submissions/:agency_id": {
    expect: READ_SCOPED,
    call: (t) => ({
      method: "GET",
      url: `/api/report-rounds/${ids.round[t]}/submissions/${AGENCY[t].thads}`,
    }),
  },
  "PUT /api/report-rounds/:id/submissions/:agency_id": {
    expect: WRITE_SCOPED(200),
    call: (t) => ({
      method: "PUT",
      url: `/api/report-rounds/${ids.round[t]}/submissions/${AGENCY[t].thads}`,
      payload: { narrative: { proposals: "Đề xuất thử" } },
    }),
  },
  "POST /api/report-rounds/:id/submissions/:agency_id/remind": {
    expect: WRITE_SCOPED(200),
    call: (t) => ({
      method: "POST",
      url: `/api/report-rounds/${ids.round[t]}/submissions/${AGENCY[t].thads}/remind`,
      payload: { note: "Đề nghị gửi báo cáo" },
    }),
  },
  // Recall by the sender (THADS tỉnh, in the Sở's province scope) / return by the opener (the Sở), before consolidation.
  "POST /api/report-rounds/:id/submissions/:agency_id/recall": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "POST",
      url: `/api/report-rounds/${await submittedRound(t)}/submissions/${AGENCY[t].thads}/recall`,
      payload: {},
    }),
  },
  "POST /api/report-rounds/:id/submissions/:agency_id/return": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "POST",
      url: `/api/report-rounds/${await submittedRound(t)}/submissions/${AGENCY[t].thads}/return`,
      payload: { reason: "Đề nghị bổ sung số liệu" },
    }),
  },
  "POST /api/report-rounds/:id/consolidate": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "POST",
      url: `/api/report-rounds/${await newRound(t)}/consolidate`,
      payload: {},
    }),
  },
  "GET /api/report-rounds/:id/export": {
    expect: READ_SCOPED,
    call: (t) => ({
      method: "GET",
      url: `/api/report-rounds/${ids.round[t]}/export?format=xlsx`,
    }),
  },
};
