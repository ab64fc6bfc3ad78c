// /api/exports/*: every list of the application as an .xlsx (exceljs via buildSheet: Vietnamese headers, dd/mm/yyyy
// dates, #,##0 money). Same filters and the same agency scope as the list endpoint; personal data of claimants stays
// masked exactly as in GET /api/claims (exports never unmask). Each export writes one audit row ("export.<list>").
import { desc, eq, inArray } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditWhere } from "../../db/audit.ts";
import { agencyNames } from "../../db/repositories/agency-lookup.ts";
import { listClaims } from "../../db/repositories/claims.ts";
import type { Page, PageResult } from "../../db/repositories/common.ts";
import { todayVn } from "../../db/repositories/common.ts";
import { requireVisibleIds, uniqueIds } from "../../db/repositories/inbox/bulk-scope.ts";
import { listTaskInstances } from "../../db/repositories/plans.ts";
import { listOutgoing } from "../../db/repositories/register.ts";
import { listRequests, REQUEST_KINDS, REQUEST_STATUSES } from "../../db/repositories/requests.ts";
import { auditLog, plans, planTasks, users } from "../../db/schema/index.ts";
import type { AppDb } from "../../db/types.ts";
import { buildSheet, KIND_NAME_VI, type SheetInput, STT_COLUMN, XLSX_MIME } from "../../documents/index.ts";
import type { Scope } from "../../domain/access/scope.ts";
import { CLAIM_FIELD_VI } from "../../domain/claims/dto.ts";
import { BULK_MAX_IDS, type BulkList, DUE_FILTERS } from "../../domain/inbox/index.ts";
import { REQUEST_KIND_VI } from "../../domain/routing/index.ts";
import { formatVi } from "../../domain/shared/dates.ts";
import { AuditFilterFields } from "../contracts/audit.ts";
import { ClaimListQuery } from "../contracts/claims.ts";
import { errorResponses, IsoDateSchema, PageQuery } from "../contracts/common.ts";
import { HttpError } from "../http-error.ts";
import { audit } from "../plugins/audit.ts";
import { scopeOf } from "../plugins/scope.ts";
import { sendFile } from "../uploads.ts";

const TAGS = ["Xuất Excel"];
/** Larger lists must be narrowed with filters (a workbook of this size is already ~10 MB). */
export const MAX_EXPORT_ROWS = 20_000;
const CHUNK = 200;

const LAW_VI: Record<string, string> = { law_2017: "Luật TNBTCNN 2017", law_2009: "Luật TNBTCNN 2009" };
const REQUEST_STATUS_VI: Record<string, string> = {
  open: "Mới",
  in_progress: "Đang xử lý",
  answered: "Đã trả lời",
  forwarded: "Đã chuyển",
  closed: "Đã đóng",
  cancelled: "Đã hủy",
};
const TASK_STATUS_VI: Record<string, string> = {
  pending: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  done: "Hoàn thành",
  overdue: "Quá hạn",
  cancelled: "Hủy",
};
const yesNo = (b: boolean) => (b ? "Có" : "Không");

/** Every page of a repository list (200 rows a call) — refuses lists above MAX_EXPORT_ROWS. */
export async function collectAll<T>(fetchPage: (page: Page) => Promise<PageResult<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += CHUNK) {
    const r = await fetchPage({ limit: CHUNK, offset });
    if (r.total > MAX_EXPORT_ROWS) throw tooMany(r.total);
    out.push(...r.items);
    if (r.items.length < CHUNK || out.length >= r.total) return out;
  }
}

function tooMany(n: number): HttpError {
  return new HttpError(
    422,
    "export_too_large",
    `Danh sách có ${n.toLocaleString("vi-VN")} dòng, vượt quá ${MAX_EXPORT_ROWS.toLocaleString("vi-VN")} dòng được xuất một lần; hãy lọc bớt rồi xuất lại`,
  );
}

/**
 * list → sheet → reply: builds the workbook, writes the audit row ("export.<list>", the filters and the row count),
 * then sends it as `<title> <dd-mm-yyyy>.xlsx` (Vietnamese name kept via filename*=UTF-8'').
 */
export async function replyWithSheet(
  db: AppDb,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { list: string; fileTitle: string; filters: Record<string, unknown>; sheet: Omit<SheetInput, "meta"> },
) {
  const today = todayVn();
  // Every export is dated the day it is made ("Ngày lập"), in the sheet and in the file name.
  const bytes = await buildSheet({ ...opts.sheet, meta: { generated_at: today } });
  await db.transaction(async (tx) => {
    await audit(tx, request, {
      action: `export.${opts.list}`,
      entity: "export",
      entity_id: null,
      after: { format: "xlsx", filters: opts.filters, rows: opts.sheet.rows.length },
    });
  });
  reply.header("cache-control", "no-store");
  return sendFile(reply, `${opts.fileTitle} ${formatVi(today).replaceAll("/", "-")}.xlsx`, XLSX_MIME, bytes);
}

async function namesOf(db: AppDb, ids: Iterable<string | null | undefined>): Promise<(id: string | null) => string> {
  const m = await agencyNames(db, [...new Set([...ids].filter((x): x is string => !!x))]);
  return (id) => (id ? (m.get(id)?.name ?? id) : "");
}

const vnDateTime = (d: Date) => {
  const s = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${formatVi(s.slice(0, 10))} ${s.slice(11, 19)}`;
};

/** A selection of rows to export ("Xuất các mục đã chọn"): ids separated by commas, each checked against the scope. */
const IdsQuery = z
  .string()
  .regex(
    new RegExp(`^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,${BULK_MAX_IDS - 1}}$`),
    `Danh sách mã (ids) gồm tối đa ${BULK_MAX_IDS} mã, cách nhau bởi dấu phẩy`,
  )
  .optional();
const ClaimExportQuery = ClaimListQuery.omit({ page: true, page_size: true }).extend({ ids: IdsQuery });
const OutgoingExportQuery = z
  .object({
    agency_id: z.string().max(100).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    entity: z.string().max(50).optional(),
    entity_id: z.string().max(100).optional(),
  })
  .strict();
const RequestExportQuery = PageQuery.omit({ page: true, page_size: true })
  .extend({
    box: z.enum(["inbox", "outbox", "pending", "all"]).default("all"),
    agency_id: z.string().max(100).optional(),
    kind: z.enum(REQUEST_KINDS).optional(),
    status: z.enum(REQUEST_STATUSES).optional(),
    claim_id: z.uuid().optional(),
    parent_id: z.uuid().optional(),
    due: z.enum(DUE_FILTERS).optional(),
    ids: IdsQuery,
  })
  .strict();
const TaskExportQuery = z
  .object({
    task_id: z.uuid().optional(),
    plan_id: z.uuid().optional(),
    agency_id: z.string().max(100).optional(),
    status: z.string().max(30).optional(),
    due_before: IsoDateSchema.optional(),
    due: z.enum(DUE_FILTERS).optional(),
    ids: IdsQuery,
  })
  .strict();
const AuditExportQuery = z.object(AuditFilterFields).strict();

const fileSchema = { 200: z.any(), ...errorResponses };

export const exportRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/exports/claims",
    {
      schema: {
        tags: TAGS,
        summary: "Xuất danh sách vụ việc ra Excel (cùng bộ lọc và phạm vi như danh sách; thông tin cá nhân được che)",
        querystring: ClaimExportQuery,
        response: fileSchema,
      },
      config: { access: { permission: "claims.export" } },
    },
    async (request, reply) => {
      const { state, ids: idList, ...filter } = request.query;
      const scope = scopeOf(request);
      const ids = await selection(db, scope, "claims", idList);
      const states = state
        ? state
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
      const items = await collectAll((p) => listClaims(db, scope, { ...filter, state: states, ids }, p));
      const name = await namesOf(
        db,
        items.flatMap((c) => [c.handling_agency_id, c.managing_agency_id]),
      );
      return replyWithSheet(db, request, reply, {
        list: "claims",
        fileTitle: "Danh sách vụ việc",
        filters: request.query,
        sheet: {
          title: "Danh sách vụ việc yêu cầu bồi thường",
          subtitle: "Thông tin cá nhân của người yêu cầu bồi thường đã được che",
          sheet_name: "Vụ việc",
          columns: [
            STT_COLUMN,
            { key: "code", header: "Mã vụ việc", width: 16 },
            { key: "law", header: "Luật áp dụng", width: 18 },
            { key: "field", header: "Lĩnh vực", width: 20 },
            { key: "claimant_name", header: "Người yêu cầu bồi thường", width: 24 },
            { key: "claimant_id_number", header: "Số giấy tờ tùy thân", width: 16 },
            { key: "claimant_address", header: "Địa chỉ", width: 24 },
            { key: "claimant_phone", header: "Điện thoại", width: 14 },
            { key: "handling_agency", header: "Cơ quan giải quyết bồi thường", width: 28 },
            { key: "managing_agency", header: "Cơ quan quản lý người thi hành công vụ", width: 28 },
            { key: "received_on", header: "Ngày nhận hồ sơ", format: "date" },
            { key: "state", header: "Giai đoạn giải quyết", width: 24 },
            { key: "open", header: "Đang giải quyết", width: 10 },
            { key: "amount_requested", header: "Số tiền yêu cầu bồi thường (đồng)", format: "money" },
            { key: "amount_decided", header: "Số tiền quyết định bồi thường (đồng)", format: "money" },
            { key: "amount_paid", header: "Số tiền đã chi trả (đồng)", format: "money" },
          ],
          total_keys: ["amount_requested", "amount_decided", "amount_paid"],
          rows: items.map((c, i) => ({
            stt: i + 1,
            code: c.code,
            law: LAW_VI[c.law_version] ?? c.law_version,
            field: CLAIM_FIELD_VI[c.field as keyof typeof CLAIM_FIELD_VI] ?? c.field,
            claimant_name: c.claimant_name,
            claimant_id_number: c.claimant_id_number,
            claimant_address: c.claimant_address,
            claimant_phone: c.claimant_phone,
            handling_agency: name(c.handling_agency_id),
            managing_agency: name(c.managing_agency_id),
            received_on: c.received_on,
            state: c.state_label,
            open: yesNo(c.open),
            amount_requested: c.amount_requested,
            amount_decided: c.amount_decided,
            amount_paid: c.amount_paid,
          })),
        },
      });
    },
  );

  app.get(
    "/api/exports/outgoing",
    {
      schema: {
        tags: TAGS,
        summary: "Xuất sổ văn bản đi ra Excel (cùng bộ lọc và phạm vi như sổ)",
        querystring: OutgoingExportQuery,
        response: fileSchema,
      },
      config: { access: "authenticated" },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const items = await collectAll((p) => listOutgoing(db, scope, request.query, p));
      const name = await namesOf(
        db,
        items.map((o) => o.agency_id),
      );
      return replyWithSheet(db, request, reply, {
        list: "outgoing",
        fileTitle: "Sổ văn bản đi",
        filters: request.query,
        sheet: {
          title: "Sổ đăng ký văn bản đi",
          subtitle: request.query.year ? `Năm ${request.query.year}` : undefined,
          sheet_name: "Sổ văn bản đi",
          columns: [
            STT_COLUMN,
            { key: "display", header: "Số, ký hiệu văn bản", width: 18 },
            { key: "issued_on", header: "Ngày văn bản", format: "date" },
            { key: "doc_kind", header: "Loại văn bản", width: 14 },
            { key: "subject", header: "Trích yếu nội dung", width: 48 },
            { key: "agency", header: "Cơ quan ban hành", width: 28 },
            { key: "year", header: "Năm", format: "integer" },
            { key: "created_at", header: "Ngày vào sổ", format: "date" },
          ],
          rows: items.map((o, i) => ({
            stt: i + 1,
            display: o.display,
            issued_on: o.issued_on,
            doc_kind: KIND_NAME_VI[o.doc_kind as keyof typeof KIND_NAME_VI] ?? o.doc_kind,
            subject: o.subject,
            agency: name(o.agency_id),
            year: o.year,
            created_at: todayVn(o.created_at),
          })),
        },
      });
    },
  );

  app.get(
    "/api/exports/requests",
    {
      schema: {
        tags: TAGS,
        summary: "Xuất yêu cầu phối hợp đến/đi ra Excel (cùng bộ lọc và phạm vi như hộp thư)",
        querystring: RequestExportQuery,
        response: fileSchema,
      },
      config: { access: { permission: "requests.read" } },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { box, agency_id, ids: idList, ...filter } = request.query;
      const ids = await selection(db, scope, "requests", idList);
      const items = await collectAll((p) =>
        listRequests(
          db,
          scope,
          {
            ...filter,
            ids,
            box: box === "all" ? undefined : box,
            agency_id: box === "all" ? agency_id : (agency_id ?? scope.agencyId ?? undefined),
          },
          p,
        ),
      );
      const name = await namesOf(
        db,
        items.flatMap((r) => [r.from_agency_id, r.to_agency_id]),
      );
      const boxVi =
        box === "inbox"
          ? "Yêu cầu đến"
          : box === "pending"
            ? "Yêu cầu chờ xử lý"
            : box === "outbox"
              ? "Yêu cầu đi"
              : "Yêu cầu đến và đi";
      return replyWithSheet(db, request, reply, {
        list: "requests",
        fileTitle: `Yêu cầu phối hợp - ${boxVi}`,
        filters: request.query,
        sheet: {
          title: "Danh sách yêu cầu phối hợp",
          subtitle: boxVi,
          sheet_name: "Yêu cầu phối hợp",
          columns: [
            STT_COLUMN,
            { key: "created_on", header: "Ngày tạo", format: "date" },
            { key: "kind", header: "Loại yêu cầu", width: 28 },
            { key: "topic", header: "Nội dung (trích yếu)", width: 40 },
            { key: "from", header: "Cơ quan gửi", width: 26 },
            { key: "to", header: "Cơ quan nhận", width: 26 },
            { key: "basis", header: "Căn cứ phân công", width: 26 },
            { key: "due", header: "Hạn trả lời", format: "date" },
            { key: "status", header: "Trạng thái", width: 14 },
          ],
          rows: items.map((r, i) => ({
            stt: i + 1,
            created_on: todayVn(r.created_at),
            kind: REQUEST_KIND_VI[r.kind as keyof typeof REQUEST_KIND_VI] ?? r.kind,
            topic: r.topic,
            from: name(r.from_agency_id),
            to: name(r.to_agency_id),
            basis: routingBasis(r.routing),
            due: r.due,
            status: REQUEST_STATUS_VI[r.status] ?? r.status,
          })),
        },
      });
    },
  );

  app.get(
    "/api/exports/task-instances",
    {
      schema: {
        tags: TAGS,
        summary: "Xuất bảng nhiệm vụ (nhiệm vụ theo cơ quan thực hiện) ra Excel (cùng bộ lọc và phạm vi)",
        querystring: TaskExportQuery,
        response: fileSchema,
      },
      config: { access: { permission: "plans.read" } },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { ids: idList, ...filter } = request.query;
      const ids = await selection(db, scope, "tasks", idList);
      const items = await collectAll((p) => listTaskInstances(db, scope, { ...filter, ids }, p));
      const taskIds = [...new Set(items.map((t) => t.task_id).filter((x): x is string => !!x))];
      const tasks = new Map<string, { ref: string | null; content: string; plan: string }>();
      for (let k = 0; k < taskIds.length; k += 500) {
        const rows = await db
          .select({ id: planTasks.id, ref: planTasks.ref, content: planTasks.content, plan: plans.title })
          .from(planTasks)
          .innerJoin(plans, eq(plans.id, planTasks.planId))
          .where(inArray(planTasks.id, taskIds.slice(k, k + 500)));
        for (const r of rows) tasks.set(r.id, r);
      }
      const name = await namesOf(
        db,
        items.flatMap((t) => [t.agency_id, t.lead_agency_id]),
      );
      return replyWithSheet(db, request, reply, {
        list: "task_instances",
        fileTitle: "Bảng nhiệm vụ",
        filters: request.query,
        sheet: {
          title: "Bảng theo dõi thực hiện nhiệm vụ kế hoạch",
          sheet_name: "Nhiệm vụ",
          columns: [
            STT_COLUMN,
            { key: "plan", header: "Kế hoạch", width: 30 },
            { key: "ref", header: "Mục", width: 10 },
            { key: "content", header: "Nội dung nhiệm vụ", width: 48 },
            { key: "agency", header: "Cơ quan thực hiện", width: 26 },
            { key: "lead", header: "Cơ quan chủ trì", width: 26 },
            { key: "period", header: "Kỳ", width: 14 },
            { key: "due", header: "Thời hạn", format: "date" },
            { key: "status", header: "Trạng thái", width: 16 },
            { key: "completed_on", header: "Ngày hoàn thành", format: "date" },
            { key: "basis", header: "Căn cứ", width: 24 },
          ],
          rows: items.map((t, i) => {
            const task = t.task_id ? tasks.get(t.task_id) : undefined;
            return {
              stt: i + 1,
              plan: task?.plan ?? "",
              ref: task?.ref ?? "",
              content: task?.content ?? t.title ?? "",
              agency: name(t.agency_id),
              lead: name(t.lead_agency_id),
              period: t.period_label,
              due: t.due,
              status: TASK_STATUS_VI[t.status] ?? t.status,
              completed_on: t.completed_on,
              basis: t.basis,
            };
          }),
        },
      });
    },
  );

  app.get(
    "/api/exports/audit",
    {
      schema: {
        tags: TAGS,
        summary:
          "Xuất nhật ký kiểm toán ra Excel (quản trị; cùng bộ lọc và phạm vi; chỉ tên các trường thay đổi, không kèm giá trị)",
        querystring: AuditExportQuery,
        response: fileSchema,
      },
      config: { access: { permission: "audit.read" } },
    },
    async (request, reply) => {
      const q = request.query;
      const rows = await db
        .select({
          seq: auditLog.seq,
          at: auditLog.at,
          actor: users.fullName,
          username: users.username,
          agency: auditLog.actorAgencyId,
          action: auditLog.action,
          entity: auditLog.entity,
          entity_id: auditLog.entityId,
          before: auditLog.before,
          after: auditLog.after,
          request_id: auditLog.requestId,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(auditWhere(scopeOf(request), q))
        .orderBy(desc(auditLog.seq))
        .limit(MAX_EXPORT_ROWS + 1);
      if (rows.length > MAX_EXPORT_ROWS) throw tooMany(rows.length);
      const name = await namesOf(
        db,
        rows.map((r) => r.agency),
      );
      return replyWithSheet(db, request, reply, {
        list: "audit",
        fileTitle: "Nhật ký kiểm toán",
        filters: q,
        sheet: {
          title: "Nhật ký kiểm toán",
          subtitle:
            q.from || q.to ? `Từ ${q.from ? formatVi(q.from) : "…"} đến ${q.to ? formatVi(q.to) : "…"}` : undefined,
          sheet_name: "Nhật ký",
          columns: [
            { key: "seq", header: "Số thứ tự bản ghi", format: "integer", width: 10 },
            { key: "at", header: "Thời điểm (giờ Việt Nam)", width: 20 },
            { key: "actor", header: "Người thực hiện", width: 24 },
            { key: "agency", header: "Cơ quan", width: 26 },
            { key: "action", header: "Hành động", width: 24 },
            { key: "entity", header: "Đối tượng", width: 14 },
            { key: "entity_id", header: "Mã đối tượng", width: 38 },
            { key: "fields", header: "Trường thay đổi", width: 30 },
            { key: "request_id", header: "Mã yêu cầu HTTP", width: 38 },
          ],
          rows: rows.map((r) => ({
            seq: Number(r.seq),
            at: vnDateTime(r.at),
            actor: r.actor ? `${r.actor} (${r.username})` : "Hệ thống",
            agency: name(r.agency),
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            fields: changedKeys(r.before, r.after),
            request_id: r.request_id,
          })),
        },
      });
    },
  );
};

/** The selected ids, once each, all visible to the caller (403 naming the first that is not) — or no selection. */
async function selection(db: AppDb, scope: Scope, list: BulkList, ids: string | undefined) {
  if (!ids) return undefined;
  const unique = uniqueIds(ids.toLowerCase().split(","));
  await requireVisibleIds(db, scope, list, unique);
  return unique;
}

function routingBasis(routing: unknown): string {
  if (routing && typeof routing === "object" && "basis" in routing) {
    const b = (routing as { basis: unknown }).basis;
    if (typeof b === "string") return b;
  }
  return "";
}

/** Names of the changed fields only — values (possibly personal data) never leave the audit log in an export. */
function changedKeys(before: unknown, after: unknown): string {
  const keys = new Set<string>();
  for (const v of [before, after])
    if (v && typeof v === "object" && !Array.isArray(v)) for (const k of Object.keys(v)) keys.add(k);
  return [...keys].sort().join(", ");
}
