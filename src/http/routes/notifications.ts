// /api/notifications/read-all and the caller's mail choice (each event / daily digest at 07:00 / none). The list and
// marking one read are in coordination.ts. `mail_enabled` tells the UI whether the server can send mail (SMTP_URL).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  getNotificationSettings,
  MAIL_MODES,
  setNotificationSettings,
} from "../../db/repositories/notification-settings.ts";
import { markAllNotificationsRead } from "../../db/repositories/notifications.ts";
import type { AppDb } from "../../db/types.ts";
import { errorResponses } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Thông báo"];
const Settings = z.object({
  mode: z.enum(MAIL_MODES).describe("each: mỗi sự kiện; digest: tổng hợp 07:00 hằng ngày; none: không gửi thư"),
  email: z.string().nullable(),
  mail_enabled: z.boolean().describe("Máy chủ có cấu hình gửi thư (SMTP_URL) hay không"),
});

export const notificationRoutes: FastifyPluginAsyncZod<{ db: AppDb; mailEnabled: boolean }> = async (
  app,
  { db, mailEnabled },
) => {
  app.post(
    "/api/notifications/read-all",
    {
      schema: {
        tags: TAGS,
        summary: "Đánh dấu mọi thông báo của tôi đã đọc",
        response: { 200: z.object({ updated: z.number() }), ...errorResponses },
      },
      config: { access: "authenticated", idempotency: false },
    },
    async (request) => ({ updated: await markAllNotificationsRead(db, scopeOf(request)) }),
  );

  app.get(
    "/api/notifications/settings",
    {
      schema: {
        tags: TAGS,
        summary: "Cách nhận thông báo qua thư của tôi",
        response: { 200: Settings, ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => ({ ...(await getNotificationSettings(db, scopeOf(request))), mail_enabled: mailEnabled }),
  );

  app.put(
    "/api/notifications/settings",
    {
      schema: {
        tags: TAGS,
        summary: "Chọn cách nhận thông báo qua thư: mỗi sự kiện, tổng hợp lúc 07:00 hằng ngày, hoặc không",
        body: z.object({ mode: z.enum(MAIL_MODES), email: z.email().max(254).nullable().optional() }).strict(),
        response: { 200: Settings, ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => ({
      ...(await setNotificationSettings(db, scopeOf(request), request.body)),
      mail_enabled: mailEnabled,
    }),
  );
};
