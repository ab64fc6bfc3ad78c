// /api/inbox: "Việc của tôi" — the open work of the caller's agency from every source (src/db/repositories/inbox), the
// assignment of an item to an officer of the agency (giao việc, reassigning with a reason) and its history.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assignmentHistory, assignWork, listAssignees } from "../../db/repositories/inbox/assign.ts";
import { listInbox } from "../../db/repositories/inbox/list.ts";
import type { AppDb } from "../../db/types.ts";
import { INBOX_GROUPS, INBOX_KINDS } from "../../domain/inbox/index.ts";
import { errorResponses } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Việc của tôi"];

export const InboxItemSchema = z.object({
  kind: z.enum(INBOX_KINDS).describe("Loại việc"),
  id: z.string(),
  title: z.string(),
  due: z.string().nullable().describe("Hạn (ngày Việt Nam, YYYY-MM-DD)"),
  status: z
    .enum(INBOX_GROUPS)
    .describe("Nhóm: quá hạn / đến hạn trong 5 ngày làm việc / sau đó / chờ cơ quan khác (theo lịch ngày làm việc)"),
  from_agency_id: z.string().nullable(),
  assignee_id: z.string().nullable(),
  url: z.string().describe("Màn hình xử lý việc này"),
});
export const InboxSchema = z.object({
  items: z.array(InboxItemSchema),
  counts: z.object({ overdue: z.number(), due_soon: z.number(), later: z.number() }),
});

const Assign = z
  .object({
    kind: z.enum(INBOX_KINDS),
    id: z.string().trim().min(1).max(100),
    assignee_id: z.uuid(),
    reason: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();

const Assignment = z.object({
  id: z.string(),
  kind: z.string(),
  item_id: z.string(),
  agency_id: z.string(),
  assignee_id: z.string(),
  assigned_by: z.string().nullable(),
  reason: z.string().nullable(),
  created_at: z.string(),
  ended_at: z.string().nullable(),
});

export const inboxRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/inbox",
    {
      schema: {
        tags: TAGS,
        summary:
          "Việc của cơ quan đang làm việc (yêu cầu đến, bản sao chuyển, nhiệm vụ, báo cáo, thời hạn vụ việc, đôn đốc, việc sau kiểm tra, danh mục vụ việc), sắp theo hạn; mine=1: việc giao cho tôi",
        querystring: z.object({ mine: z.enum(["1", "0", "true", "false"]).optional() }).strict(),
        response: { 200: InboxSchema, ...errorResponses },
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request) => {
      const mine = request.query.mine === "1" || request.query.mine === "true";
      return listInbox(db, scopeOf(request), { mine });
    },
  );

  app.get(
    "/api/inbox/assignees",
    {
      schema: {
        tags: TAGS,
        summary: "Cán bộ của cơ quan có thể được giao việc",
        response: {
          200: z.array(z.object({ id: z.string(), full_name: z.string(), username: z.string() })),
          ...errorResponses,
        },
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request) => listAssignees(db, scopeOf(request)),
  );

  app.post(
    "/api/inbox/assign",
    {
      schema: {
        tags: TAGS,
        summary: "Giao việc cho một cán bộ của cơ quan; giao lại cho người khác phải nêu lý do (lưu lịch sử, nhật ký)",
        body: Assign,
        response: { 200: Assignment, ...errorResponses },
      },
      config: { access: { permission: "requests.write" } },
    },
    async (request) => jsonDates(await assignWork(db, scopeOf(request), request.body)),
  );

  app.get(
    "/api/inbox/assignments",
    {
      schema: {
        tags: TAGS,
        summary: "Lịch sử giao việc của một việc trong cơ quan",
        querystring: z.object({ kind: z.enum(INBOX_KINDS), id: z.string().trim().min(1).max(100) }).strict(),
        response: { 200: z.array(Assignment.extend({ assignee_name: z.string() })), ...errorResponses },
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request) => jsonDates(await assignmentHistory(db, scopeOf(request), request.query.kind, request.query.id)),
  );
};
