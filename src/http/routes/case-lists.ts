// /api/case-lists: periodic case lists of KH 2021 mục II.1.1 (6-monthly, Luật 2017) and II.1.2 (quarterly, Luật 2009
// phức tạp/tồn đọng/kéo dài) as immutable as-of snapshots; exports to XLSX and DOCX.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { agencyNames } from "../../db/repositories/agency-lookup.ts";
import {
  createCaseListSnapshot,
  getCaseListSnapshot,
  listCaseListSnapshots,
} from "../../db/repositories/case-lists.ts";
import { ROLE_DOC_CODE } from "../../db/repositories/letters.ts";
import type { AppDb } from "../../db/types.ts";
import { XLSX_MIME } from "../../documents/index.ts";
import { PROVINCES } from "../../domain/agencies/provinces.ts";
import { CASE_LIST_KINDS } from "../../domain/case-lists/index.ts";
import { caseListDocx, caseListFileName, caseListXlsx } from "../../reports/case-lists.ts";
import { errorResponses, IsoDateSchema, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";
import { sendFile } from "../uploads.ts";

const TAGS = ["Danh mục vụ việc"];
const AnyObj = z.record(z.string(), z.unknown());
const read = { access: { permission: "plans.read" } } as const;

export const caseListRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.post(
    "/api/case-lists",
    {
      schema: {
        tags: TAGS,
        summary:
          "Lập danh mục vụ việc của một kỳ (half_year_2017: 2026-H1; quarter_2009: 2026-Q2) — ảnh chụp theo ngày chốt, không sửa được",
        body: z
          .object({
            kind: z.enum(CASE_LIST_KINDS),
            period: z.string().trim().min(6).max(10),
            as_of: IsoDateSchema.optional(),
            agency_id: z.string().trim().min(1).max(100).optional(),
          })
          .strict(),
        response: { 201: AnyObj, ...errorResponses },
      },
      config: { access: { permission: "plans.write" } },
    },
    async (request, reply) => {
      const s = await createCaseListSnapshot(db, scopeOf(request), request.body);
      reply.header("location", `/api/case-lists/${s.id}`);
      return reply.code(201).send(jsonDates(s));
    },
  );

  app.get(
    "/api/case-lists",
    {
      schema: {
        tags: TAGS,
        summary: "Các danh mục đã lập trong phạm vi",
        querystring: z
          .object({ kind: z.enum(CASE_LIST_KINDS).optional(), agency_id: z.string().max(100).optional() })
          .strict(),
        response: { 200: z.object({ items: z.array(AnyObj) }), ...errorResponses },
      },
      config: { ...read, cache: true },
    },
    async (request) => ({ items: jsonDates(await listCaseListSnapshots(db, scopeOf(request), request.query)) }),
  );

  app.get(
    "/api/case-lists/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Một danh mục đã lập (các dòng như lúc chốt)",
        params: UuidParam,
        response: { 200: AnyObj, ...errorResponses },
      },
      config: { ...read, cache: true },
    },
    async (request) => jsonDates(await getCaseListSnapshot(db, scopeOf(request), request.params.id)),
  );

  app.get(
    "/api/case-lists/:id/xlsx",
    {
      schema: { tags: TAGS, summary: "Xuất danh mục ra Excel (.xlsx)", params: UuidParam },
      config: read,
    },
    async (request, reply) => {
      const s = await getCaseListSnapshot(db, scopeOf(request), request.params.id);
      const agency = (await agencyNames(db, [s.agency_id])).get(s.agency_id);
      const bytes = await caseListXlsx(s, agency?.name ?? s.agency_id);
      return sendFile(reply, caseListFileName(s, "xlsx"), XLSX_MIME, bytes);
    },
  );

  app.get(
    "/api/case-lists/:id/docx",
    {
      schema: {
        tags: TAGS,
        summary: "Xuất báo cáo danh mục (.docx, thể thức Nghị định 30/2020; số để trống cho văn thư)",
        params: UuidParam,
        querystring: z
          .object({
            signer_title: z.string().trim().min(1).max(200).optional(),
            signer_name: z.string().trim().min(1).max(120).optional(),
          })
          .strict(),
      },
      config: read,
    },
    async (request, reply) => {
      const s = await getCaseListSnapshot(db, scopeOf(request), request.params.id);
      const a = (await agencyNames(db, [s.agency_id])).get(s.agency_id);
      const place = a?.province_code
        ? (PROVINCES.filter((p) => p.code === a.province_code).at(-1)?.name ?? "Hà Nội")
        : "Hà Nội";
      const bytes = await caseListDocx(
        s,
        {
          name: a?.name ?? s.agency_id,
          parent: a?.parent ?? undefined,
          short_code: ROLE_DOC_CODE[a?.role ?? ""] ?? "CQ",
          place,
        },
        {
          title: request.query.signer_title ?? "Thủ trưởng cơ quan",
          name: request.query.signer_name ?? "(Ký, ghi rõ họ tên)",
        },
      );
      return sendFile(
        reply,
        caseListFileName(s, "docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes,
      );
    },
  );
};
