// /api/requests: coordination requests between agencies. Creating one runs the routing rules (route()) on the
// situation — kind, the sender's and receiver's agency roles, plus optional facts — and stores the routing result
// (governing clause, lead, coordinators, output, basis) with the request. Lists: inbox / outbox of an agency.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getAgency } from "../../db/repositories/agencies.ts";
import { createRoutedRequest, type RouteOut } from "../../db/repositories/request-routing.ts";
import {
  getRequest,
  listRequests,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  updateRequest,
} from "../../db/repositories/requests.ts";
import type { AppDb } from "../../db/types.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { DUE_FILTERS } from "../../domain/inbox/index.ts";
import { route, situationSchema } from "../../domain/routing/index.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import {
  apiPage,
  errorResponses,
  etag,
  expectedVersion,
  IsoDateSchema,
  PageQuery,
  pageOf,
  repoPage,
  UuidParam,
} from "../contracts/common.ts";
import { HttpError } from "../http-error.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Yêu cầu phối hợp"];
const AgencyId = z.string().trim().min(1).max(100);

/** Facts of the situation beyond kind and the two agencies' roles (see POST /api/route). */
const SituationExtra = situationSchema.omit({ kind: true, from_role: true, to_role: true });

const RequestCreate = z
  .object({
    kind: z.enum(REQUEST_KINDS),
    from_agency_id: AgencyId,
    to_agency_id: AgencyId,
    /** Trích yếu / subject. */
    topic: z.string().trim().min(1).max(1000),
    payload: z.record(z.string().max(100), z.unknown()).nullable().optional(),
    situation: SituationExtra.optional(),
    parent_id: z.uuid().nullable().optional(),
    claim_id: z.uuid().nullable().optional(),
    task_instance_id: z.uuid().nullable().optional(),
    due: IsoDateSchema.nullable().optional(),
  })
  .strict();

const RequestPatch = z
  .object({
    status: z.enum(REQUEST_STATUSES).optional(),
    payload: z.record(z.string().max(100), z.unknown()).nullable().optional(),
    due: IsoDateSchema.nullable().optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();

const Request = z.object({
  id: z.string(),
  kind: z.string(),
  from_agency_id: z.string(),
  to_agency_id: z.string(),
  topic: z.string(),
  payload: z.unknown(),
  routing: z.unknown(),
  status: z.string(),
  parent_id: z.string().nullable(),
  claim_id: z.string().nullable(),
  task_instance_id: z.string().nullable(),
  due: z.string().nullable(),
  version: z.number(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
const RequestDetail = Request.extend({
  children: z.array(Request),
  reads: z.array(z.object({ user_id: z.string(), read_at: z.string() })),
});

async function agencyRole(db: AppDb, scope: Scope, id: string, field: string): Promise<string> {
  try {
    return (await getAgency(db, scope, id)).role;
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found")
      throw new HttpError(422, "unknown_agency", `Không có cơ quan "${id}"`, [
        { path: `/${field}`, message: "Cơ quan không tồn tại" },
      ]);
    throw e;
  }
}

export const requestRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/requests",
    {
      schema: {
        tags: TAGS,
        summary:
          "Yêu cầu đến (inbox: gửi, chuyển, sao gửi hoặc giao nhiệm vụ chủ trì/phối hợp cho cơ quan) / đi (outbox) / chờ xử lý (pending) của một cơ quan (mặc định: cơ quan đang làm việc); lọc, tìm không dấu",
        querystring: PageQuery.extend({
          box: z.enum(["inbox", "outbox", "pending", "all"]).default("all"),
          agency_id: z.string().max(100).optional(),
          kind: z.enum(REQUEST_KINDS).optional(),
          status: z.enum(REQUEST_STATUSES).optional(),
          claim_id: z.uuid().optional(),
          parent_id: z.uuid().optional(),
          due: z.enum(DUE_FILTERS).optional().describe("soon: chưa xong, hạn trong 5 ngày làm việc; overdue: quá hạn"),
        }).strict(),
        response: { 200: pageOf(Request), ...errorResponses },
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { page, page_size, box, agency_id, ...filter } = request.query;
      const r = await listRequests(
        db,
        scope,
        {
          ...filter,
          box: box === "all" ? undefined : box,
          agency_id: box === "all" ? agency_id : (agency_id ?? scope.agencyId ?? undefined),
        },
        repoPage({ page, page_size }),
      );
      return apiPage(r, { page, page_size }, jsonDates);
    },
  );

  app.post(
    "/api/requests",
    {
      schema: {
        tags: TAGS,
        summary: "Gửi yêu cầu phối hợp; hệ thống xác định điều khoản áp dụng (route) và lưu kết quả",
        body: RequestCreate,
        response: {
          201: Request.extend({
            tasks: z.array(z.record(z.string(), z.unknown())),
            copies: z.array(z.record(z.string(), z.unknown())),
          }),
          ...errorResponses,
        },
      },
      config: { access: { permission: "requests.write" } },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { situation, ...input } = request.body;
      const from_role = await agencyRole(db, scope, input.from_agency_id, "from_agency_id");
      const to_role = await agencyRole(db, scope, input.to_agency_id, "to_agency_id");
      const routing = route({ ...situation, kind: input.kind, from_role, to_role }) as unknown as RouteOut;
      // The clause applied creates the tasks (lead, coordinators) and the forwarded copies in the same transaction.
      const created = await createRoutedRequest(db, scope, { ...input }, routing);
      reply.header("etag", etag(created.version)).header("location", `/api/requests/${created.id}`);
      return reply.code(201).send(jsonDates(created));
    },
  );

  app.get(
    "/api/requests/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Một yêu cầu: kết quả điều phối, các lần đôn đốc tiếp theo, người đã đọc (ghi nhận đã đọc)",
        params: UuidParam,
        response: { 200: RequestDetail, ...errorResponses },
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request, reply) => {
      const r = await getRequest(db, scopeOf(request), request.params.id, { markRead: true });
      reply.header("etag", etag(r.version));
      return jsonDates(r);
    },
  );

  app.patch(
    "/api/requests/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Cập nhật trạng thái yêu cầu (cần version hoặc If-Match)",
        params: UuidParam,
        body: RequestPatch,
        response: { 200: Request, 428: errorResponses[400], ...errorResponses },
      },
      config: { access: { permission: "requests.write" } },
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const r = await updateRequest(db, scopeOf(request), request.params.id, expectedVersion(request, version), patch);
      reply.header("etag", etag(r.version));
      return jsonDates(r);
    },
  );
};
