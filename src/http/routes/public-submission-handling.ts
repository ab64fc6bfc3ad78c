// /api/public-submissions: the officers' side of the public portal (issue 15). An agency sees the submissions it holds
// or held (list, detail with the person's data masked — ?reveal=personal unmasks, audited — and the attached files);
// the holder accepts a claim file as a claim, refuses / returns it with a reason, forwards it (Sở Tư pháp, Điều 41
// khoản 4) or answers a support request. After each decision the person is mailed (when they gave an address).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  acceptSubmission,
  answerSubmission,
  type Decision,
  forwardSubmission,
  refuseSubmission,
} from "../../db/repositories/public-submission-decisions.ts";
import {
  getHandledSubmission,
  listHandledSubmissions,
  readSubmissionFile,
} from "../../db/repositories/public-submission-handling.ts";
import type { AppDb } from "../../db/types.ts";
import type { SubmissionStep } from "../../domain/portal/index.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { mailPublicSubmissionUpdates } from "../../jobs/public-submission-mail.ts";
import { createMailer } from "../../mail/mailer.ts";
import { apiPage, errorResponses, pageOf, repoPage, UuidParam } from "../contracts/common.ts";
import {
  AcceptBody,
  AcceptResult,
  AnswerBody,
  ForwardBody,
  HandledSubmission,
  RefuseBody,
  SubmissionFileParams,
  SubmissionGetQuery,
  SubmissionListItem,
  SubmissionListQuery,
} from "../contracts/public-submission-handling.ts";
import { scopeOf } from "../plugins/scope.ts";
import { sendStored } from "../uploads.ts";

const TAGS = ["Hồ sơ gửi trực tuyến"];
const READ = { permission: "claims.read" } as const;
const WRITE = { permission: "claims.write" } as const;

export const publicSubmissionHandlingRoutes: FastifyPluginAsyncZod<{
  db: AppDb;
  now?: () => Date;
  smtpUrl?: string;
  mailFrom?: string;
  publicUrl?: string;
}> = async (app, opts) => {
  const { db } = opts;
  const clock = () => {
    const now = opts.now?.() ?? new Date();
    return { now, today: todayVn(now) };
  };
  const mailer = createMailer({ smtpUrl: opts.smtpUrl, mailFrom: opts.mailFrom });
  if (mailer) app.addHook("onClose", async () => mailer.close());
  /** Tells the person at once (the scheduler retries what fails). */
  const notifyPerson = () => {
    if (!mailer) return;
    void mailPublicSubmissionUpdates(db, mailer, { baseUrl: opts.publicUrl ?? "" }).catch((e) =>
      app.log.warn({ event: "public_submission_mail" }, (e as Error).message),
    );
  };
  type Request = Parameters<typeof scopeOf>[0] & { params: { id: string } };
  const detail = (request: Request) => getHandledSubmission(db, scopeOf(request), request.params.id);
  /** One decision on `:id` by the caller's agency; the person is told at once (the scheduler retries what fails). */
  const decide = async <I, R>(request: Request & { body: I }, run: Decision<I, R>): Promise<R> => {
    const r = await run(db, scopeOf(request), request.params.id, request.body, clock());
    notifyPerson();
    return r;
  };

  app.get(
    "/api/public-submissions",
    {
      schema: {
        tags: TAGS,
        summary:
          "Hồ sơ, đề nghị gửi trực tuyến mà cơ quan đang giữ hoặc đã giữ (lọc theo trạng thái; thông tin cá nhân không hiện trong danh sách)",
        querystring: SubmissionListQuery,
        response: { 200: pageOf(SubmissionListItem), ...errorResponses },
      },
      config: { access: READ },
    },
    async (request) => {
      const { page, page_size, status, kind } = request.query;
      const r = await listHandledSubmissions(
        db,
        scopeOf(request),
        { status: status ? (status.split(",") as SubmissionStep[]) : undefined, kind },
        repoPage({ page, page_size }),
      );
      return apiPage(r, { page, page_size });
    },
  );

  app.get(
    "/api/public-submissions/:id",
    {
      schema: {
        tags: TAGS,
        summary:
          "Chi tiết hồ sơ gửi trực tuyến: thông tin người gửi được che (?reveal=personal: hiện, có ghi nhật ký), tệp đính kèm, các bước, việc được làm",
        params: UuidParam,
        querystring: SubmissionGetQuery,
        response: { 200: HandledSubmission, ...errorResponses },
      },
      config: { access: { ...READ, inside: ["claims.personal_data"] } },
    },
    async (request, reply) => {
      const reveal = request.query.reveal === "personal";
      const r = await getHandledSubmission(db, scopeOf(request), request.params.id, { reveal });
      reply.header("cache-control", "private, no-store");
      return r;
    },
  );

  app.get(
    "/api/public-submissions/:id/files/:file_id",
    {
      schema: {
        tags: TAGS,
        summary: "Tải một tệp người gửi đính kèm",
        params: SubmissionFileParams,
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: READ },
    },
    async (request, reply) => {
      const f = await readSubmissionFile(db, scopeOf(request), request.params.id, request.params.file_id);
      reply.header("cache-control", "private, no-store").header("x-content-type-options", "nosniff");
      return sendStored(reply, f.fileName, f.mimeType, f.bytes);
    },
  );

  app.post(
    "/api/public-submissions/:id/accept",
    {
      schema: {
        tags: TAGS,
        summary:
          "Tiếp nhận hồ sơ yêu cầu bồi thường thành vụ việc: sự kiện nhận hồ sơ ghi ngày gửi (giờ Việt Nam), thông tin người yêu cầu và tệp đính kèm được chép sang; bấm hai lần chỉ tạo một vụ việc (lần sau → 409)",
        params: UuidParam,
        body: AcceptBody,
        response: { 201: AcceptResult, ...errorResponses },
      },
      config: { access: WRITE },
    },
    async (request, reply) => {
      const r = await decide(request, acceptSubmission);
      reply.header("location", `/api/claims/${r.claim_id}`);
      return reply.code(201).send({ ...r, submission: await detail(request) });
    },
  );

  app.post(
    "/api/public-submissions/:id/refuse",
    {
      schema: {
        tags: TAGS,
        summary: "Trả lại hồ sơ / không tiếp nhận, nêu lý do (người gửi đọc lý do trên trang tra cứu)",
        params: UuidParam,
        body: RefuseBody,
        response: { 200: HandledSubmission, ...errorResponses },
      },
      // A decision on an existing submission, not a new record: a repeat finds it decided (409).
      config: { access: WRITE, idempotency: false },
    },
    async (request) => {
      await decide(request, refuseSubmission);
      return detail(request);
    },
  );

  app.post(
    "/api/public-submissions/:id/answer",
    {
      schema: {
        tags: TAGS,
        summary:
          "Trả lời đề nghị hỗ trợ (Thông tư 09/2019/TT-BTP, Điều 5): nội dung hiện trên trang tra cứu của người gửi",
        params: UuidParam,
        body: AnswerBody,
        response: { 200: HandledSubmission, ...errorResponses },
      },
      config: { access: WRITE, idempotency: false },
    },
    async (request) => {
      await decide(request, answerSubmission);
      return detail(request);
    },
  );

  app.post(
    "/api/public-submissions/:id/forward",
    {
      schema: {
        tags: TAGS,
        summary:
          "Sở Tư pháp xác định cơ quan giải quyết bồi thường và chuyển hồ sơ (Luật TNBTCNN 2017, Điều 41 khoản 4; Nghị định 68/2018/NĐ-CP, Điều 32–33: trong 05 ngày làm việc)",
        params: UuidParam,
        body: ForwardBody,
        response: { 200: HandledSubmission, ...errorResponses },
      },
      config: { access: WRITE, idempotency: false },
    },
    async (request) => {
      await decide(request, forwardSubmission);
      // The Sở Tư pháp still sees the file it forwarded (read-only).
      return detail(request);
    },
  );
};
