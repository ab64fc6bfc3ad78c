// Account self-service (issue 17): "Quên mật khẩu" by e-mail when SMTP is configured. The request answers the same
// whatever the address (no account enumeration) and sends in the background; the link carries a single-use token
// valid 30 minutes (stored hashed); using it sets the new password and ends every session. Both steps are audited.
import { hash } from "@node-rs/argon2";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  consumeResetToken,
  issueResetToken,
  RESET_TTL_MS,
  RESET_WINDOW_MS,
  resetThrottled,
} from "../../db/repositories/password-resets.ts";
import { MIN_PASSWORD_LENGTH } from "../../db/repositories/users.ts";
import type { AppDb } from "../../db/types.ts";
import { createMailer } from "../../mail/mailer.ts";
import { errorResponses } from "../contracts/common.ts";
import { HttpError } from "../http-error.ts";
import { forgetUserSessions } from "../session-cache.ts";

const TAGS = ["Xác thực"];

export const ResetRequest = z
  .object({ email: z.string().trim().max(254).pipe(z.email("Địa chỉ e-mail không hợp lệ")) })
  .strict();
export const ResetConfirm = z
  .object({
    token: z.string().trim().min(20).max(200),
    new_password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Mật khẩu mới cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
      .max(200, "Mật khẩu mới tối đa 200 ký tự"),
  })
  .strict();

export type PasswordResetOptions = {
  db: AppDb;
  smtpUrl?: string;
  mailFrom?: string;
  publicUrl?: string;
  now?: () => Date;
};

export const passwordResetRoutes: FastifyPluginAsyncZod<PasswordResetOptions> = async (app, opts) => {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const mailer = createMailer({ smtpUrl: opts.smtpUrl, mailFrom: opts.mailFrom });
  if (mailer) app.addHook("onClose", async () => mailer.close());
  const mailOff = () =>
    new HttpError(
      404,
      "password_reset_off",
      "Hệ thống chưa cấu hình thư điện tử: liên hệ quản trị để đặt lại mật khẩu",
    );

  app.get(
    "/api/auth/self-service",
    {
      schema: {
        tags: TAGS,
        summary: "Các chức năng tự phục vụ của tài khoản đang bật (quên mật khẩu qua e-mail khi có SMTP)",
        response: { 200: z.object({ password_reset: z.boolean() }), ...errorResponses },
        security: [],
      },
      config: { access: "public" },
    },
    async () => ({ password_reset: !!mailer }),
  );

  app.post(
    "/api/auth/password-reset",
    {
      schema: {
        tags: TAGS,
        summary:
          "Quên mật khẩu: gửi liên kết đặt lại (dùng một lần, hiệu lực 30 phút) tới e-mail của tài khoản; trả lời như nhau dù địa chỉ có thuộc tài khoản nào hay không",
        body: ResetRequest,
        response: {
          202: z.object({ ok: z.literal(true), message: z.string() }),
          429: errorResponses[400],
          ...errorResponses,
        },
        security: [],
      },
      config: { access: "public", idempotency: false },
    },
    async (request, reply) => {
      if (!mailer) throw mailOff();
      const t = now();
      if (await resetThrottled(db, request.ip, t)) {
        reply.header("retry-after", String(RESET_WINDOW_MS / 1000));
        throw new HttpError(
          429,
          "too_many_attempts",
          `Máy này đã yêu cầu đặt lại mật khẩu quá nhiều lần; thử lại sau ${RESET_WINDOW_MS / 60_000} phút`,
        );
      }
      const issued = await issueResetToken(db, request.body.email, request.ip, t);
      if (issued) {
        const link = `${opts.publicUrl ?? ""}/reset-password?token=${encodeURIComponent(issued.token)}`;
        // Sent in the background: the answer takes the same time whether or not an account has the address.
        mailer
          .send({
            to: issued.email,
            subject: "Đặt lại mật khẩu tài khoản BTNN",
            text: [
              `Kính gửi ${issued.fullName},`,
              "",
              "Có yêu cầu đặt lại mật khẩu cho tài khoản của Ông/Bà trên hệ thống quản lý công tác bồi thường nhà nước.",
              `Mở liên kết sau để đặt mật khẩu mới (dùng một lần, hết hạn sau ${RESET_TTL_MS / 60_000} phút):`,
              link,
              "",
              "Nếu Ông/Bà không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại không thay đổi.",
            ].join("\n"),
          })
          .catch((err) => request.log.error({ err }, "Không gửi được thư đặt lại mật khẩu"));
      }
      return reply.code(202).send({
        ok: true as const,
        message:
          "Nếu địa chỉ này thuộc một tài khoản đang hoạt động, thư hướng dẫn đặt lại mật khẩu đã được gửi. Hãy kiểm tra hộp thư.",
      });
    },
  );

  app.post(
    "/api/auth/password-reset/confirm",
    {
      schema: {
        tags: TAGS,
        summary: "Đặt mật khẩu mới bằng liên kết trong thư (một lần; mọi phiên của tài khoản bị đăng xuất)",
        body: ResetConfirm,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        security: [],
      },
      config: { access: "public", idempotency: false },
    },
    async (request) => {
      if (!mailer) throw mailOff();
      const newHash = await hash(request.body.new_password);
      const userId = await consumeResetToken(db, request.body.token, newHash, request.ip, now());
      if (!userId)
        throw new HttpError(
          410,
          "reset_link_invalid",
          "Liên kết đặt lại mật khẩu không hợp lệ, đã dùng hoặc đã hết hạn; hãy yêu cầu liên kết mới",
          [{ path: "/token", message: "Liên kết không còn hiệu lực" }],
        );
      forgetUserSessions(db, userId);
      return { ok: true as const };
    },
  );
};
