// /api/claims: list (scoped, filtered, diacritics-insensitive q; personal data always masked), create, detail
// (masked; `?reveal=personal` unmasks for roles with claims.personal_data and is audited), patch (optimistic
// concurrency: `version` or If-Match; amounts and law only through events, a closed file only through a leader's
// correction), events (the claims state machine decides; a forbidden transition → 422
// naming the field), deadlines.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addClaimEvent, createClaim, getClaim, listClaims, updateClaim } from "../../db/repositories/claims.ts";
import type { AppDb } from "../../db/types.ts";
import { refuseEventDerivedFields } from "../../domain/claims/index.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import {
  Claim,
  ClaimCreate,
  ClaimDeadline,
  ClaimDetail,
  ClaimEvent,
  ClaimEventCreate,
  ClaimGetQuery,
  ClaimListQuery,
  ClaimPatch,
} from "../contracts/claims.ts";
import { apiPage, errorResponses, etag, expectedVersion, pageOf, repoPage, UuidParam } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const TAGS = ["Vụ việc"];

export const claimRoutes: FastifyPluginAsyncZod<{ db: AppDb; now?: () => Date }> = async (app, { db, now }) => {
  // "Today" for live recording is the Vietnam date of the (injectable) clock.
  const today = () => todayVn(now?.() ?? new Date());
  app.get(
    "/api/claims",
    {
      schema: {
        tags: TAGS,
        summary: "Danh sách vụ việc trong phạm vi (lọc, tìm không dấu, phân trang; thông tin cá nhân luôn được che)",
        querystring: ClaimListQuery,
        response: { 200: pageOf(Claim), ...errorResponses },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => {
      const { page, page_size, state, ...filter } = request.query;
      const r = await listClaims(
        db,
        scopeOf(request),
        {
          ...filter,
          state: state
            ? state
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean)
            : undefined,
        },
        repoPage({ page, page_size }),
      );
      return apiPage(r, { page, page_size });
    },
  );

  app.post(
    "/api/claims",
    {
      schema: {
        tags: TAGS,
        summary:
          "Tạo vụ việc, ghi trực tiếp: các sự kiện kèm theo phải đúng trình tự, không sau ngày hôm nay (giờ Việt Nam); hồ sơ cũ thiếu bước: POST /api/claims/backfill",
        body: ClaimCreate,
        response: { 201: ClaimDetail, ...errorResponses },
      },
      config: { access: { permission: "claims.write" } },
    },
    async (request, reply) => {
      const created = await createClaim(db, scopeOf(request), request.body, { today: today() });
      reply.header("etag", etag(created.version)).header("location", `/api/claims/${created.id}`);
      return reply.code(201).send(created);
    },
  );

  app.get(
    "/api/claims/:id",
    {
      schema: {
        tags: TAGS,
        summary:
          "Chi tiết vụ việc: sự kiện, thời hạn, tài liệu, bước tiếp theo hợp lệ (?reveal=personal: hiện thông tin cá nhân, có ghi nhật ký)",
        params: UuidParam,
        querystring: ClaimGetQuery,
        response: { 200: ClaimDetail, ...errorResponses },
      },
      config: { access: { permission: "claims.read", inside: ["claims.personal_data"] }, cache: true },
    },
    async (request, reply) => {
      const reveal = request.query.reveal === "personal";
      const claim = await getClaim(db, scopeOf(request), request.params.id, { unmask: reveal });
      reply.header("etag", etag(claim.version));
      if (reveal) reply.header("cache-control", "no-store");
      return claim;
    },
  );

  app.patch(
    "/api/claims/:id",
    {
      schema: {
        tags: TAGS,
        summary:
          "Sửa vụ việc (cần phiên bản đang sửa: trường version hoặc tiêu đề If-Match; 409 khi đã có người sửa trước)",
        params: UuidParam,
        body: ClaimPatch,
        response: { 200: ClaimDetail, 428: errorResponses[400], ...errorResponses },
      },
      config: { access: { permission: "claims.write" } },
      // Before the schema (which would only say "unknown key"): say why amounts and the law cannot be patched.
      preValidation: async (request) => refuseEventDerivedFields(request.body as object),
    },
    async (request, reply) => {
      const { version, ...patch } = request.body;
      const expected = expectedVersion(request, version);
      const updated = await updateClaim(db, scopeOf(request), request.params.id, expected, patch);
      reply.header("etag", etag(updated.version));
      return updated;
    },
  );

  app.get(
    "/api/claims/:id/events",
    {
      schema: {
        tags: TAGS,
        summary: "Lịch sử sự kiện của vụ việc theo thứ tự",
        params: UuidParam,
        response: { 200: z.array(ClaimEvent), ...errorResponses },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => (await getClaim(db, scopeOf(request), request.params.id, { unmask: false })).events,
  );

  app.post(
    "/api/claims/:id/events",
    {
      schema: {
        tags: TAGS,
        summary:
          "Ghi bước tiếp theo (chỉ bước có trong next_actions, ngày không trước bước trước và không sau hôm nay theo giờ Việt Nam; sai → 422 nêu trường)",
        params: UuidParam,
        body: ClaimEventCreate,
        response: { 201: ClaimDetail, ...errorResponses },
      },
      config: { access: { permission: "claims.write" } },
    },
    async (request, reply) => {
      const { version, ...event } = request.body;
      const ifMatch = request.headers["if-match"];
      const expected = version ?? (typeof ifMatch === "string" ? expectedVersion(request, undefined) : undefined);
      const updated = await addClaimEvent(db, scopeOf(request), request.params.id, event, {
        expected_version: expected,
        today: today(),
      });
      reply.header("etag", etag(updated.version));
      return reply.code(201).send(updated);
    },
  );

  app.get(
    "/api/claims/:id/deadlines",
    {
      schema: {
        tags: TAGS,
        summary: "Các thời hạn đã tính của vụ việc (căn cứ pháp lý và cách tính từng ngày)",
        params: UuidParam,
        response: { 200: z.array(ClaimDeadline), ...errorResponses },
      },
      config: { access: { permission: "claims.read" }, cache: true },
    },
    async (request) => (await getClaim(db, scopeOf(request), request.params.id, { unmask: false })).deadlines,
  );
};
