import { createMeeting } from "../../../src/db/repositories/meetings.ts";
import { requests } from "../../../src/db/schema/index.ts";
import { SYSTEM_SCOPE } from "../../../src/domain/access/scope.ts";
import { type Area, CREATE_FOR_AGENCY, LIST, READ_SCOPED, WRITE_SCOPED } from "./matrix.ts";
import { AGENCY, fx, ids, meetingInput, meetingOutcome, nextCaseListPeriod, version } from "./objects.ts";

export const COORDINATION: Area = {
  "GET /api/requests": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/requests" }),
  },
  "POST /api/requests": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/requests",
      payload: {
        kind: "legal_question",
        from_agency_id: AGENCY[t].stp,
        to_agency_id: "cuc-btnn",
        topic: "Hỏi về thời hiệu",
      },
    }),
  },
  "GET /api/requests/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/requests/${ids.request[t]}` }),
  },
  "PATCH /api/requests/:id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "PATCH",
      url: `/api/requests/${ids.request[t]}`,
      payload: { status: "in_progress", version: await version(requests, ids.request[t]) },
    }),
  },
  "GET /api/requests/:id/coordination": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/requests/${ids.request[t]}/coordination` }),
  },
  "POST /api/requests/:id/copies/:copy_id/read": {
    expect: READ_SCOPED,
    call: (t) => ({
      method: "POST",
      url: `/api/requests/${ids.copyRequest[t]}/copies/${ids.copy[t]}/read`,
    }),
  },
  "POST /api/requests/:id/letter": {
    expect: WRITE_SCOPED(201),
    call: (t) => ({
      method: "POST",
      url: `/api/requests/${ids.letterRequest[t]}/letter`,
      payload: {
        issuing_agency_id: AGENCY[t].stp,
        document_type: "guidance_letter",
        signature: { title: "Giám đốc", name: "Nguyễn Văn Ma Trận" },
        fields: { points: ["Nội dung hướng dẫn."] },
      },
    }),
  },
  "GET /api/requests/:id/letter": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/requests/${ids.letterRequest[t]}/letter` }),
  },
  "GET /api/requests/:id/urging-proposal": {
    expect: READ_SCOPED,
    call: (t) => ({
      method: "GET",
      url: `/api/requests/${ids.urging[t]}/urging-proposal?as_of=2024-03-01`,
    }),
  },
  "POST /api/case-lists": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/case-lists",
      payload: {
        kind: "quarter_2009",
        period: nextCaseListPeriod(),
        agency_id: AGENCY[t].stp,
      },
    }),
  },
  "GET /api/case-lists": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/case-lists" }),
  },
  "GET /api/case-lists/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/case-lists/${ids.caseList[t]}` }),
  },
  "GET /api/case-lists/:id/xlsx": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/case-lists/${ids.caseList[t]}/xlsx` }),
  },
  "GET /api/case-lists/:id/docx": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/case-lists/${ids.caseList[t]}/docx` }),
  },
  // Meetings / field trips on complex cases (KH 2021 mục II.2) and the change-impact preview (administration).
  "POST /api/meetings": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({ method: "POST", url: "/api/meetings", payload: meetingInput(t) }),
  },
  "GET /api/meetings": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/meetings" }),
  },
  "GET /api/meetings/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/meetings/${ids.meeting[t]}` }),
  },
  "POST /api/meetings/:id/outcome": {
    expect: WRITE_SCOPED(201),
    call: async (t) => ({
      method: "POST",
      url: `/api/meetings/${(await createMeeting(fx.database.db, SYSTEM_SCOPE, meetingInput(t))).id}/outcome`,
      payload: meetingOutcome,
    }),
  },
  "GET /api/meetings/:id/report": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/meetings/${ids.heldMeeting[t]}/report` }),
  },
  "POST /api/route": {
    expect: LIST,
    call: () => ({
      method: "POST",
      url: "/api/route",
      payload: { kind: "legal_question", from_role: "THADS_TINH", topic: "compensation" },
    }),
  },
};
