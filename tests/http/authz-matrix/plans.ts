// Plans, their tasks' occurrences, evidence and progress (/api/plans/*, /api/task-instances/*, attachments).
import { and, eq } from "drizzle-orm";
import { plans, taskInstanceCoordinators, taskInstances } from "../../../src/db/schema/index.ts";
import { type Area, all, CREATE_FOR_AGENCY, LIST, READ_SCOPED, row, WRITE_SCOPED } from "./matrix.ts";
import { AGENCY, fx, ids, uniq, version } from "./objects.ts";

export const PLANS: Area = {
  "GET /api/plans": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/plans" }),
  },
  "POST /api/plans": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/plans",
      payload: { agency_id: AGENCY[t].stp, title: "Kế hoạch ma trận", year: 2024 },
    }),
  },
  "POST /api/plans/import": {
    expect: row(all(200), all(200), all(200), all(403)), // preview only: nothing stored
    call: () => ({
      method: "POST",
      url: "/api/plans/import",
      payload: { text: "KẾ HOẠCH\nCông tác bồi thường nhà nước năm 2024\nI. NHIỆM VỤ\n1. Tổ chức tập huấn" },
    }),
  },
  "GET /api/plans/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/plans/${ids.plan[t]}` }),
  },
  "PATCH /api/plans/:id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "PATCH",
      url: `/api/plans/${ids.plan[t]}`,
      payload: { title: `Kế hoạch ${uniq()}`, version: await version(plans, ids.plan[t]) },
    }),
  },
  "GET /api/task-instances": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/task-instances" }),
  },
  "POST /api/task-instances": {
    expect: CREATE_FOR_AGENCY(201),
    call: (t) => ({
      method: "POST",
      url: "/api/task-instances",
      payload: { items: [{ task_id: ids.task[t], agency_id: AGENCY[t].thads, period_label: uniq() }] },
    }),
  },
  "PATCH /api/task-instances/:id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => ({
      method: "PATCH",
      url: `/api/task-instances/${ids.instance[t]}`,
      payload: { status: "in_progress", version: await version(taskInstances, ids.instance[t]) },
    }),
  },
  // Task tracking and coordination (issue 4).
  "GET /api/task-instances/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/task-instances/${ids.instance[t]}` }),
  },
  "POST /api/task-instances/:id/comments": {
    expect: WRITE_SCOPED(201),
    call: (t) => ({
      method: "POST",
      url: `/api/task-instances/${ids.instance[t]}/comments`,
      payload: { body: "Bình luận ma trận" },
    }),
  },
  "POST /api/task-instances/:id/evidence": {
    expect: WRITE_SCOPED(201),
    call: (t) => ({
      method: "POST",
      url: `/api/task-instances/${ids.instance[t]}/evidence?file_name=minh-chung.txt`,
      payload: Buffer.from("minh chứng"),
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  // A coordinating agency's own part: the acting agency (Sở Tư pháp Thanh Hóa) is a coordinator of the "in" occurrence.
  "PATCH /api/task-instances/:id/coordinators/:agency_id": {
    expect: WRITE_SCOPED(200),
    call: async (t) => {
      const [part] = await fx.database.db
        .select({ v: taskInstanceCoordinators.version })
        .from(taskInstanceCoordinators)
        .where(
          and(
            eq(taskInstanceCoordinators.taskInstanceId, ids.instance[t]),
            eq(taskInstanceCoordinators.agencyId, AGENCY[t].stp),
          ),
        );
      return {
        method: "PATCH",
        url: `/api/task-instances/${ids.instance[t]}/coordinators/${AGENCY[t].stp}`,
        payload: { note: `Phần phối hợp ${uniq()}`, version: part.v },
      };
    },
  },
  "GET /api/attachments/:id": {
    expect: READ_SCOPED,
    call: (t) => ({ method: "GET", url: `/api/attachments/${ids.attachment[t]}` }),
  },
  "GET /api/progress": {
    expect: LIST,
    call: () => ({ method: "GET", url: "/api/progress" }),
  },
};
