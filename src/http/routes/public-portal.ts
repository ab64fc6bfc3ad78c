// /api/public: the help portal for injured persons (issue 15) — no login. Contracts: src/http/contracts/public-portal.ts.
// GET responses carrying no personal data are cacheable by browsers and proxies; everything else stays no-store.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { checkAnswers, INTERVIEW_VERSION, optionsOf, QUESTIONS } from "../../domain/portal/index.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { errorResponses } from "../contracts/common.ts";
import { CheckResponse, Interview, InterviewAnswers, PUBLIC_TAGS } from "../contracts/public-portal.ts";

/** Public, personal-data-free answers: one hour in any cache. */
export const PUBLIC_CACHE = "public, max-age=3600";

export const publicPortalRoutes: FastifyPluginAsyncZod<{ now?: () => Date }> = async (app, { now }) => {
  const today = () => todayVn(now ? now() : new Date());

  app.get(
    "/api/public/interview",
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary: "Các câu hỏi của phần kiểm tra trực tuyến (mỗi màn hình một câu; câu tiếp theo theo quy tắc `next`)",
        security: [],
        response: { 200: Interview, ...errorResponses },
      },
      config: { access: "public" },
    },
    async (_request, reply) => {
      reply.header("cache-control", PUBLIC_CACHE);
      return {
        version: INTERVIEW_VERSION,
        first: QUESTIONS[0]!.id,
        questions: QUESTIONS.map((q) => ({ ...q, options: optionsOf(q) })),
      };
    },
  );

  app.post(
    "/api/public/check",
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary:
          "Kết quả kiểm tra: có thuộc phạm vi bồi thường không, thời hiệu (giải thích cách tính), cơ quan nhận hồ sơ, giấy tờ cần chuẩn bị",
        security: [],
        body: InterviewAnswers,
        response: { 200: CheckResponse, ...errorResponses },
      },
      // Creates nothing.
      config: { access: "public", idempotency: false },
    },
    async (request) => checkAnswers(request.body, { today: today(), calendar: defaultCalendar }),
  );
};
