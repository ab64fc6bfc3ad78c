import { type Area, all, LIST, READ_SCOPED, row, WRITE_SCOPED } from "./matrix.ts";
import { AGENCY, newDataRequest, newSubmission, submissionIds } from "./objects.ts";

export const PUBLIC_SUBMISSIONS: Area = {
  // The holding agency reads and closes a correction request of its own submissions.
  "GET /api/public-data-requests/:id": {
    expect: READ_SCOPED,
    call: async (t) => ({
      method: "GET",
      url: `/api/public-data-requests/${await newDataRequest(t)}`,
    }),
  },
  "POST /api/public-data-requests/:id/close": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "POST",
      url: `/api/public-data-requests/${await newDataRequest(t)}/close`,
      payload: { status: "done", answer: "Đã sửa địa chỉ trong hồ sơ vụ việc." },
    }),
  },
  // The officers' side (issue 15): only the agency holding (or having held) a submission sees it — the system admin
  // acts for Cục BTNN, which never held these (404); only the holder decides. "in" files sit at Sở Tư pháp Thanh Hóa
  // because the handling agency was unclear: it forwards them (Điều 41 khoản 4), it does not accept them (409).
  "GET /api/public-submissions": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/public-submissions?status=received,forwarded" }),
  },
  "GET /api/public-submissions/:id": {
    expect: row(all(404), [200, 404], [200, 404], [200, 404]),
    call: (t) => ({ method: "GET", url: `/api/public-submissions/${submissionIds[t].id}` }),
  },
  "GET /api/public-submissions/:id/files/:file_id": {
    expect: row(all(404), [200, 404], [200, 404], [200, 404]),
    call: (t) => ({
      method: "GET",
      url: `/api/public-submissions/${submissionIds[t].id}/files/${submissionIds[t].file}`,
    }),
  },
  "POST /api/public-submissions/:id/accept": {
    expect: row(all(404), [409, 404], [409, 404], all(403)),
    call: (t) => ({
      method: "POST",
      url: `/api/public-submissions/${submissionIds[t].id}/accept`,
      payload: {},
    }),
  },
  "POST /api/public-submissions/:id/refuse": {
    expect: row(all(404), [200, 404], [200, 404], all(403)),
    call: async (t) => ({
      method: "POST",
      url: `/api/public-submissions/${await newSubmission(t)}/refuse`,
      payload: { reason: "Hồ sơ không thuộc phạm vi giải quyết của cơ quan." },
    }),
  },
  "POST /api/public-submissions/:id/forward": {
    expect: row(all(404), [200, 404], [200, 404], all(403)),
    call: async (t) => ({
      method: "POST",
      url: `/api/public-submissions/${await newSubmission(t)}/forward`,
      payload: { agency_id: AGENCY[t].thads },
    }),
  },
  "POST /api/public-submissions/:id/answer": {
    expect: row(all(404), [200, 404], [200, 404], all(403)),
    call: async (t) => ({
      method: "POST",
      url: `/api/public-submissions/${await newSubmission(t, "support")}/answer`,
      payload: { text: "Ông/bà liên hệ Sở Tư pháp để được hướng dẫn thủ tục." },
    }),
  },
};
