// Public portal content: GET /api/public/content and the leaflet PDF (no login, cacheable), and the Cục BTNN's
// editing of it (GET/PUT /api/admin/public-content, permission public_content.manage, audited, versioned).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listPublicContent, savePublicContent } from "../../db/repositories/public-content.ts";
import type { AppDb } from "../../db/types.ts";
import { buildLeafletPdf } from "../../documents/leaflet-pdf.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { UNVERIFIED_LEGEND } from "../../domain/public-content/content.ts";
import { publicSteps } from "../../domain/public-content/steps.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { errorResponses } from "../contracts/common.ts";
import {
  ContentEditIn,
  ContentItemOut,
  ContentKeyParam,
  PUBLIC_PORTAL_TAG,
  PublicContentOut,
} from "../contracts/public-content.ts";
import { scopeOf } from "../plugins/scope.ts";
import { sendFile } from "../uploads.ts";

/** Public pages change rarely (an edit by the Cục BTNN); browsers and proxies may keep them five minutes. */
export const PUBLIC_CACHE = "public, max-age=300";

export const publicContentRoutes: FastifyPluginAsyncZod<{ db: AppDb; now?: () => Date }> = async (app, opts) => {
  const { db } = opts;
  const today = () => todayVn(opts.now?.() ?? new Date());
  // The leaflet is rendered once per content state and day (rendering costs ~100 ms of CPU; the route is public).
  let leaflet: { key: string; bytes: Buffer } | null = null;

  app.get(
    "/api/public/content",
    {
      schema: {
        tags: [PUBLIC_PORTAL_TAG],
        summary:
          "Nội dung cổng công dân: giới thiệu, các bước và thời hạn theo luật (tính theo lịch làm việc), hỏi đáp",
        security: [],
        response: { 200: PublicContentOut, ...errorResponses },
      },
      config: { access: "public" },
    },
    async (_request, reply) => {
      const day = today();
      const items = await listPublicContent(db);
      reply.header("cache-control", PUBLIC_CACHE);
      return { today: day, items, steps: publicSteps(defaultCalendar, day), unverified_legend: UNVERIFIED_LEGEND };
    },
  );

  app.get(
    "/api/public/leaflet.pdf",
    {
      schema: {
        tags: [PUBLIC_PORTAL_TAG],
        summary: "Tờ gấp (PDF, khổ A4) in từ nội dung cổng công dân",
        security: [],
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: "public" },
    },
    async (_request, reply) => {
      const day = today();
      const items = await listPublicContent(db);
      const key = `${day}|${items.map((i) => `${i.key}@${i.version}`).join(",")}`;
      if (leaflet?.key !== key) {
        const bytes = await buildLeafletPdf({ items, steps: publicSteps(defaultCalendar, day), today: day });
        leaflet = { key, bytes };
      }
      reply.header("cache-control", PUBLIC_CACHE);
      return sendFile(reply, "to-gap-boi-thuong-nha-nuoc.pdf", "application/pdf", leaflet.bytes);
    },
  );

  app.get(
    "/api/admin/public-content",
    {
      schema: {
        tags: [PUBLIC_PORTAL_TAG],
        summary: "Quản trị nội dung cổng công dân: mọi mục (kể cả mục ẩn) với phiên bản, người và ngày cập nhật",
        response: { 200: z.array(ContentItemOut), ...errorResponses },
      },
      config: { access: { permission: "public_content.manage" } },
    },
    async () => listPublicContent(db, { includeHidden: true }),
  );

  app.put(
    "/api/admin/public-content/:key",
    {
      schema: {
        tags: [PUBLIC_PORTAL_TAG],
        summary:
          "Sửa (hoặc thêm) một mục nội dung cổng công dân: lưu thành phiên bản mới, giữ lịch sử, ghi nhật ký (Cục BTNN)",
        params: ContentKeyParam,
        body: ContentEditIn,
        response: { 200: ContentItemOut, ...errorResponses },
      },
      config: { access: { permission: "public_content.manage" } },
    },
    async (request) => savePublicContent(db, scopeOf(request), request.params.key, request.body),
  );
};
