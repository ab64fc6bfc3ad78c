// /api/evaluation: criteria sets (QĐ 3062/QĐ-BTP, shown as unverified), self-assessment of a province with the
// automatic criteria pre-filled from the records, ministry (CUC_BTNN) review, ranking (KH Thanh Hóa 2024 mục II.5).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentDraft,
  getAssessment,
  listCriteriaSets,
  ranking,
  reviewAssessment,
  saveSelfAssessment,
} from "../../db/repositories/evaluation.ts";
import type { AppDb } from "../../db/types.ts";
import { errorResponses, UuidParam } from "../contracts/common.ts";
import { jsonDates } from "../json.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Đánh giá, chấm điểm"];
const SetId = z.string().trim().min(1).max(60);
const Year = z.coerce.number().int().min(2000).max(2100);
const Manual = z
  .object({
    points: z.number().min(0).max(100),
    reason: z.string().trim().min(3, { error: "Phải nêu lý do khi chấm điểm thủ công (ít nhất 3 ký tự)." }).max(2000),
  })
  .strict();
const ManualMap = z.record(z.string().trim().min(1).max(20), Manual);

export const evaluationRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  const read = { access: { permission: "plans.read" as const } };
  const write = { access: { permission: "plans.write" as const } };

  app.get(
    "/api/evaluation/sets",
    {
      schema: {
        tags: TAGS,
        summary: "Bộ tiêu chí đánh giá (dữ liệu; QĐ 3062/QĐ-BTP — chưa xác nhận với văn bản gốc)",
        response: { 200: z.any(), ...errorResponses },
      },
      config: read,
    },
    async () => ({ items: listCriteriaSets() }),
  );

  app.get(
    "/api/evaluation/draft",
    {
      schema: {
        tags: TAGS,
        summary: "Điểm tính sẵn từ số liệu (có minh chứng) và bản tự đánh giá đã lưu của một tỉnh",
        querystring: z.object({
          set_id: SetId,
          year: Year,
          agency_id: z.string().trim().min(1).max(100),
          survey_funded: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.any(), ...errorResponses },
      },
      config: read,
    },
    async (request) => {
      const q = request.query;
      return jsonDates(
        await assessmentDraft(db, scopeOf(request), {
          ...q,
          survey_funded: q.survey_funded === undefined ? undefined : q.survey_funded === "true",
        }),
      );
    },
  );

  app.put(
    "/api/evaluation/self-assessment",
    {
      schema: {
        tags: TAGS,
        summary: "Lưu / gửi bản tự đánh giá (điểm thủ công phải có lý do)",
        body: z
          .object({
            set_id: SetId,
            year: z.number().int().min(2000).max(2100),
            agency_id: z.string().trim().min(1).max(100),
            manual: ManualMap.optional(),
            bonus: Manual.nullable().optional(),
            survey_funded: z.boolean().optional(),
            submit: z.boolean().optional(),
            version: z.number().int().min(1).optional(),
          })
          .strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: write,
    },
    async (request) => jsonDates(await saveSelfAssessment(db, scopeOf(request), request.body)),
  );

  app.get(
    "/api/evaluation/assessments/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Bản đánh giá: tự chấm và thẩm định",
        params: UuidParam,
        response: { 200: z.any(), ...errorResponses },
      },
      config: read,
    },
    async (request) => jsonDates(await getAssessment(db, scopeOf(request), request.params.id)),
  );

  app.post(
    "/api/evaluation/assessments/:id/review",
    {
      schema: {
        tags: TAGS,
        summary: "Bộ (Cục Bồi thường nhà nước) thẩm định bản tự đánh giá",
        params: UuidParam,
        body: z
          .object({
            manual: ManualMap.optional(),
            bonus: Manual.nullable().optional(),
            note: z.string().max(5000).nullable().optional(),
            version: z.number().int().min(1).optional(),
          })
          .strict(),
        response: { 200: z.any(), ...errorResponses },
      },
      config: write,
    },
    async (request) => jsonDates(await reviewAssessment(db, scopeOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/evaluation/ranking",
    {
      schema: {
        tags: TAGS,
        summary: "Bảng xếp hạng theo tổng điểm (điểm thẩm định, nếu chưa có thì điểm tự chấm)",
        querystring: z.object({ set_id: SetId, year: Year }),
        response: { 200: z.any(), ...errorResponses },
      },
      config: read,
    },
    async (request) => jsonDates(await ranking(db, scopeOf(request), request.query)),
  );
};
