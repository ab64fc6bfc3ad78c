// /api/calendar: thin wrappers over the pure calendar module — holidays of a year, adding a period
// (working days / calendar days / months / years) with the day-by-day explanation.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addPeriod, defaultCalendar } from "../../domain/calendar/index.ts";
import { errorResponses, IsoDateSchema } from "../contracts/common.ts";

const TAGS = ["Lịch làm việc"];
const Holiday = z.object({ date: z.string(), name: z.string(), kind: z.string(), source: z.string() });
const Step = z.object({
  rule: z.string(),
  date: z.string().optional(),
  text: z.string(),
  source: z.string().optional(),
});

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/calendar/holidays",
    {
      schema: {
        tags: TAGS,
        summary: "Ngày nghỉ lễ, nghỉ bù, hoán đổi ngày làm việc của một năm (kèm căn cứ)",
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2200) }).strict(),
        response: { 200: z.object({ year: z.number(), items: z.array(Holiday) }), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => ({ year: request.query.year, items: defaultCalendar.holidays(request.query.year) }),
  );

  app.get(
    "/api/calendar/add-period",
    {
      schema: {
        tags: TAGS,
        summary: "Cộng thời hạn từ một ngày (ngày làm việc, ngày lịch, tháng, năm) và giải thích cách tính",
        querystring: z
          .object({
            from: IsoDateSchema,
            value: z.coerce.number().int().min(0).max(3650),
            unit: z.enum(["working_days", "calendar_days", "months", "years"]),
          })
          .strict(),
        response: { 200: z.object({ date: z.string(), explanation: z.array(Step) }), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => {
      const { from, value, unit } = request.query;
      return addPeriod(defaultCalendar, from, value, unit);
    },
  );
};
