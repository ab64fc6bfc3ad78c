// /api/public: online submission (claim file or support request), its receipt (phiếu tiếp nhận, PDF) and the status
// lookup — no login. Contracts: src/http/contracts/public-portal.ts. Abuse: honeypot field, per-address submission cap,
// per-code and per-address caps on wrong (code, factor) pairs (429 in Vietnamese), no enumeration (one answer for an
// unknown code and a wrong factor). Idempotency-Key handled by the repository (the generic plugin keys by user).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  beginSubmitAttempt,
  DEFAULT_PUBLIC_LIMITS,
  type PublicLimits,
  releaseAttempt,
} from "../../db/repositories/public-attempts.ts";
import { agencyName, createSubmission, filesOf, submissionStatus } from "../../db/repositories/public-submissions.ts";
import type { AppDb } from "../../db/types.ts";
import { buildReceiptPdf } from "../../documents/submission-receipt-pdf.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { answerBy, CONSENT_TEXT, CONSENT_VERSION, validateAnswers } from "../../domain/portal/index.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import {
  Consent,
  PUBLIC_SUBMISSION_BODY_LIMIT,
  PUBLIC_TAGS,
  ReceiptParams,
  ReceiptQuery,
  StatusBody,
  StatusResponse,
  SubmissionBody,
  SubmissionReceipt,
} from "../contracts/public-portal.ts";
import { HttpError } from "../http-error.ts";
import { PUBLIC_ERRORS, receiptGuard, tooMany } from "./public-lookup.ts";
import { PUBLIC_CACHE } from "./public-portal.ts";

const IDEM = "idempotency-key";

export const publicSubmissionRoutes: FastifyPluginAsyncZod<{
  db: AppDb;
  now?: () => Date;
  limits?: Partial<PublicLimits>;
}> = async (app, opts) => {
  const { db } = opts;
  const now = () => (opts.now ? opts.now() : new Date());
  const limits: PublicLimits = { ...DEFAULT_PUBLIC_LIMITS, ...opts.limits };
  const retryMinutes = Math.ceil(limits.windowMs / 60_000);

  app.get(
    "/api/public/consent",
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary: "Nội dung đồng ý xử lý dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15) và phiên bản",
        security: [],
        response: { 200: Consent },
      },
      config: { access: "public" },
    },
    async (_request, reply) => {
      reply.header("cache-control", PUBLIC_CACHE);
      return { version: CONSENT_VERSION, text: CONSENT_TEXT };
    },
  );

  app.post(
    "/api/public/submissions",
    {
      bodyLimit: PUBLIC_SUBMISSION_BODY_LIMIT,
      schema: {
        tags: PUBLIC_TAGS,
        summary:
          "Gửi trực tuyến hồ sơ yêu cầu bồi thường (kèm tệp) hoặc đề nghị hỗ trợ — trả mã hồ sơ và hạn trả lời tính theo ngày làm việc",
        security: [],
        headers: z.object({
          [IDEM]: z
            .string()
            .regex(/^[A-Za-z0-9._:-]{8,200}$/, { error: "8–200 ký tự chữ, số hoặc . _ : -" })
            .optional()
            .describe(
              "Mã duy nhất cho mỗi lần gửi (8–200 ký tự). Gửi lại cùng mã → nhận lại đúng phiếu lần đầu, không tạo hồ sơ mới.",
            ),
        }),
        body: SubmissionBody,
        response: { 201: SubmissionReceipt, ...PUBLIC_ERRORS },
      },
      // Idempotency is the repository's (keyed by the header, not by a user).
      config: { access: "public", idempotency: false },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.website)
        throw new HttpError(
          400,
          "rejected",
          "Không thể gửi hồ sơ: biểu mẫu có trường không hợp lệ. Hãy tải lại trang và gửi lại.",
          [{ path: "/website", message: "Trường này phải để trống" }],
        );
      if (b.consent.text_version !== CONSENT_VERSION)
        throw new HttpError(
          422,
          "consent_version",
          "Nội dung đồng ý xử lý dữ liệu cá nhân đã thay đổi; hãy đọc lại và đồng ý",
          [{ path: "/consent/text_version", message: `Phiên bản hiện hành: ${CONSENT_VERSION}` }],
        );
      const t = now();
      const today = todayVn(t);
      const answers = b.kind === "claim" ? validateAnswers(b.answers, today) : b.answers;
      const attempt = await beginSubmitAttempt(db, request.ip, t, limits);
      if (attempt.throttled) {
        reply.header("retry-after", String(retryMinutes * 60 * 4));
        throw tooMany(retryMinutes * 4);
      }
      try {
        const { website: _w, kind, person, facts, attachments, factor, consent, ...request_ } = b;
        const r = await createSubmission(
          db,
          { kind, answers, person, facts, attachments, factor, consent, request: request_ },
          {
            now: t,
            today,
            calendar: defaultCalendar,
            idempotencyKey: request.headers[IDEM] as string | undefined,
            requestId: request.id,
          },
        );
        if (r.replayed) {
          await releaseAttempt(db, attempt.id);
          reply.header("idempotent-replayed", "true");
        }
        return reply.code(201).send(r.receipt);
      } catch (e) {
        await releaseAttempt(db, attempt.id);
        throw e;
      }
    },
  );

  const guard = receiptGuard(db, limits, now);

  app.post(
    "/api/public/status",
    guard.route({
      summary:
        "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số điện thoại (hoặc 4 số cuối giấy tờ tùy thân): bước hiện tại, hạn tiếp theo, cơ quan đang giữ hồ sơ",
      body: StatusBody,
      response: { 200: StatusResponse },
    }),
    async (request) => submissionStatus(db, guard.submission(request), defaultCalendar),
  );

  app.get(
    "/api/public/submissions/:code/receipt.pdf",
    guard.route({
      summary: "Phiếu tiếp nhận (PDF) — cần số điện thoại hoặc 4 số cuối giấy tờ tùy thân đã khai (?factor=…)",
      params: ReceiptParams,
      querystring: ReceiptQuery,
      response: { 200: z.any() },
    }),
    async (request, reply) => {
      const row = guard.submission(request);
      const at = new Date(row.submittedAt.getTime() + 7 * 3600_000).toISOString();
      const pdf = await buildReceiptPdf({
        code: row.code,
        kind: row.kind as "claim" | "support",
        submitted_on: row.submittedOn,
        submitted_at_vn: `${at.slice(11, 16)} ngày ${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)}`,
        person_name: row.personName,
        agency_name: (await agencyName(db, row.agencyId)) ?? row.agencyId,
        determined_by_so_tu_phap: row.determinedBySoTuPhap,
        answer_by: answerBy(
          defaultCalendar,
          row.kind as "claim" | "support",
          row.submittedOn,
          row.determinedBySoTuPhap,
        ),
        files: await filesOf(db, row.id),
        consent_version: row.consentTextVersion,
      });
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="phieu-tiep-nhan-${row.code}.pdf"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );
};
