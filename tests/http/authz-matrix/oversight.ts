// Evaluation criteria, inspections and their follow-ups, trainings (issue 6).
import { eq } from "drizzle-orm";
import { inspectionFollowups, inspections, trainings } from "../../../src/db/schema/index.ts";
import { type Area, CREATE_FOR_AGENCY, LIST, READ_SCOPED, row, WRITE_SCOPED } from "./matrix.ts";
import { AGENCY, fx, ids, inspectionBody, trainingBody } from "./objects.ts";

export const OVERSIGHT: Area = {
  // Evaluation criteria, inspections, trainings (issue 6).
  "GET /api/evaluation/sets": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/evaluation/sets" }),
  },
  "GET /api/evaluation/draft": {
    expect: READ_SCOPED,
    call: (t) => ({
      method: "GET",
      url: `/api/evaluation/draft?set_id=qd-3062-2019&year=2024&agency_id=${AGENCY[t].stp}`,
    }),
  },
  "PUT /api/evaluation/self-assessment": {
    expect: CREATE_FOR_AGENCY(200),
    call: (t) => ({
      method: "PUT",
      url: "/api/evaluation/self-assessment",
      payload: { set_id: "qd-3062-2019", year: 2023, agency_id: AGENCY[t].stp },
    }),
  },
  "GET /api/evaluation/assessments/:id": {
    expect: READ_SCOPED,
    call: (t) => ({
      method: "GET",
      url: `/api/evaluation/assessments/${ids.assessment[t]}`,
    }),
  },
  // Only the ministry reviews: a province's roles are refused (403) on their own assessment, 404 outside scope.
  "POST /api/evaluation/assessments/:id/review": {
    expect: row([200, 200], [403, 404], [403, 404], [403, 403]),
    call: (t) => ({
      method: "POST",
      url: `/api/evaluation/assessments/${ids.assessment[t]}/review`,
      payload: { note: "Thẩm định ma trận" },
    }),
  },
  "GET /api/evaluation/ranking": {
    expect: LIST,
    call: () => ({
      method: "GET",
      url: "/api/evaluation/ranking?set_id=qd-3062-2019&year=2024",
    }),
  },
  "GET /api/inspections": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/inspections" }),
  },
  "POST /api/inspections": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/inspections",
      payload: inspectionBody(t),
    }),
  },
  "GET /api/inspections/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/inspections/${ids.inspection[t]}` }),
  },
  "PATCH /api/inspections/:id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => {
      const [r] = await fx.database.db
        .select({ v: inspections.version })
        .from(inspections)
        .where(eq(inspections.id, ids.inspection[t]));
      return {
        method: "PATCH",
        url: `/api/inspections/${ids.inspection[t]}`,
        payload: { status: "in_progress", version: r.v },
      };
    },
  },
  "POST /api/inspections/:id/results": {
    expect: WRITE_SCOPED(200),
    call: (t) => ({
      method: "POST",
      url: `/api/inspections/${ids.inspection[t]}/results`,
      payload: {
        findings: [{ target_agency_id: AGENCY[t].thads, text: "Kết quả ma trận" }],
        recommendations: [],
        report_date: "2024-09-30",
      },
    }),
  },
  "GET /api/inspections/:id/report": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/inspections/${ids.inspection[t]}/report` }),
  },
  "PATCH /api/inspection-followups/:id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => {
      const [r] = await fx.database.db
        .select({ v: inspectionFollowups.version })
        .from(inspectionFollowups)
        .where(eq(inspectionFollowups.id, ids.followup[t]));
      return {
        method: "PATCH",
        url: `/api/inspection-followups/${ids.followup[t]}`,
        payload: { result: "Đang thực hiện", version: r.v },
      };
    },
  },
  "GET /api/trainings": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/trainings" }),
  },
  "POST /api/trainings": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({ method: "POST", url: "/api/trainings", payload: trainingBody(t) }),
  },
  "GET /api/trainings/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/trainings/${ids.training[t]}` }),
  },
  "PATCH /api/trainings/:id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => {
      const [r] = await fx.database.db
        .select({ v: trainings.version })
        .from(trainings)
        .where(eq(trainings.id, ids.training[t]));
      return { method: "PATCH", url: `/api/trainings/${ids.training[t]}`, payload: { participants: 41, version: r.v } };
    },
  },
  "POST /api/trainings/:id/evidence": {
    expect: WRITE_SCOPED(200),
    call: (t) => ({
      method: "POST",
      url: `/api/trainings/${ids.training[t]}/evidence`,
      payload: { task_instance_id: ids.instance[t] },
    }),
  },
};
