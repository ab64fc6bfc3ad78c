// /api/public/my-data: the data subject's rights on an online submission (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15,
// Điều 4) — see the data held, ask for a correction, withdraw consent. No login: each call proves the receipt code and
// the second factor and counts against the same caps as the status lookup. Contracts: ../contracts/public-data-rights.ts.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DEFAULT_PUBLIC_LIMITS, type PublicLimits } from "../../db/repositories/public-attempts.ts";
import { closeDataRequest, readDataRequest } from "../../db/repositories/public-data-requests-officer.ts";
import { requestCorrection, subjectData, withdrawConsent } from "../../db/repositories/public-data-rights.ts";
import type { AppDb } from "../../db/types.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { errorResponses } from "../contracts/common.ts";
import {
  CloseDataRequestBody,
  ClosedDataRequest,
  Correction,
  CorrectionBody,
  DataRequestParams,
  MyData,
  MyDataBody,
  OfficerDataRequest,
  Withdrawal,
  WithdrawBody,
} from "../contracts/public-data-rights.ts";
import { scopeOf } from "../plugins/scope.ts";
import { receiptGuard } from "./public-lookup.ts";

export const publicDataRightsRoutes: FastifyPluginAsyncZod<{
  db: AppDb;
  now?: () => Date;
  limits?: Partial<PublicLimits>;
}> = async (app, opts) => {
  const { db } = opts;
  const now = () => (opts.now ? opts.now() : new Date());
  const guard = receiptGuard(db, { ...DEFAULT_PUBLIC_LIMITS, ...opts.limits }, now);
  const ctx = (requestId: string) => {
    const t = now();
    return { now: t, today: todayVn(t), requestId };
  };

  app.post(
    "/api/public/my-data",
    // Writes only its audit row.
    guard.route({
      summary:
        "Xem dữ liệu cá nhân cơ quan đang lưu về bạn trong hồ sơ (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15) — cần mã hồ sơ và số điện thoại hoặc 4 số cuối giấy tờ tùy thân",
      body: MyDataBody,
      response: { 200: MyData },
    }),
    async (request) => subjectData(db, guard.submission(request), ctx(request.id)),
  );

  app.post(
    "/api/public/my-data/corrections",
    // The repository answers a repeat of an open request with that request.
    guard.route({
      summary:
        "Đề nghị sửa dữ liệu cá nhân trong hồ sơ: cơ quan đang giữ hồ sơ xem xét (hiện trong danh sách việc của cơ quan); dữ liệu không tự thay đổi",
      body: CorrectionBody,
      response: { 201: Correction },
    }),
    async (request, reply) => {
      const { code: _c, factor: _f, ...input } = request.body;
      return reply.code(201).send(await requestCorrection(db, guard.submission(request), input, ctx(request.id)));
    },
  );

  app.post(
    "/api/public/my-data/withdraw",
    // A second call is refused (already withdrawn): nothing to replay.
    guard.route({
      summary:
        "Rút lại sự đồng ý xử lý dữ liệu cá nhân: chưa thụ lý → hồ sơ được đánh dấu đã rút và dữ liệu cá nhân bị xóa; đã thụ lý → cơ quan chỉ giữ dữ liệu cần cho việc giải quyết bồi thường",
      body: WithdrawBody,
      response: { 200: Withdrawal },
    }),
    async (request) => withdrawConsent(db, guard.submission(request), ctx(request.id)),
  );
};

/** The holding agency's verbs on a correction request (signed in; scope = the agency holding the submission). */
export const publicDataRequestOfficerRoutes: FastifyPluginAsyncZod<{ db: AppDb; now?: () => Date }> = async (
  app,
  opts,
) => {
  const { db } = opts;
  app.get(
    "/api/public-data-requests/:id",
    {
      schema: {
        tags: ["Cổng công dân — cơ quan"],
        summary:
          "Đề nghị sửa dữ liệu cá nhân của người gửi hồ sơ trực tuyến (giá trị được che nếu không có quyền xem dữ liệu cá nhân; mỗi lần xem được ghi nhật ký)",
        params: DataRequestParams,
        response: { 200: OfficerDataRequest, ...errorResponses },
      },
      config: { access: { permission: "claims.read" } },
    },
    async (request) => readDataRequest(db, scopeOf(request), request.params.id, { requestId: request.id }),
  );

  app.post(
    "/api/public-data-requests/:id/close",
    {
      schema: {
        tags: ["Cổng công dân — cơ quan"],
        summary: "Trả lời đề nghị sửa dữ liệu cá nhân: đã sửa hoặc từ chối (kèm câu trả lời người yêu cầu đọc được)",
        params: DataRequestParams,
        body: CloseDataRequestBody,
        response: { 200: ClosedDataRequest, ...errorResponses },
      },
      // Closing twice is refused (not open any more): nothing to replay.
      config: { access: { permission: "claims.write" }, idempotency: false },
    },
    async (request) =>
      closeDataRequest(db, scopeOf(request), request.params.id, request.body, {
        now: opts.now ? opts.now() : new Date(),
        requestId: request.id,
      }),
  );
};
