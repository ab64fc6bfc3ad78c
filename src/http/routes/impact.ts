// POST /api/admin/impact-preview (administration, issue 5): which open deadlines in the caller's scope would move if a
// proposed calendar notice day (a day off / a swapped working day, with its source) or a proposed legal parameter
// change were saved. Nothing is saved. For the roles that administer (system_admin, agency_admin: "users.manage").
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { previewImpact } from "../../db/repositories/impact.ts";
import type { AppDb } from "../../db/types.ts";
import type { StepKey } from "../../domain/legal/parameters.ts";
import { errorResponses, IsoDateSchema } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);

const Move = z.object({
  claim_id: z.string(),
  claim_code: z.string().optional(),
  step: z.string(),
  variant: z.string().optional(),
  label: z.string(),
  basis: z.string(),
  from_date: z.string(),
  old_due: z.string(),
  new_due: z.string(),
  shift_days: z.number(),
  status: z.string(),
  handling_agency_id: z.string(),
  handling_agency: z.string(),
});

export const impactRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.post(
    "/api/admin/impact-preview",
    {
      schema: {
        tags: ["Quản trị"],
        summary:
          "Xem trước các thời hạn đang mở sẽ thay đổi nếu lưu một ngày nghỉ / ngày làm bù mới hoặc một thay đổi tham số pháp lý (không lưu gì)",
        body: z
          .object({
            calendar_day: z
              .object({
                date: IsoDateSchema,
                kind: z.enum(["holiday", "compensatory", "swapped_off", "swapped_work"]),
                name: Text(300),
                source: Text(500),
              })
              .strict()
              .optional(),
            parameter: z
              .object({
                key: Text(60),
                law: z.enum(["law_2017", "law_2009"]),
                variant: Text(60).optional(),
                value: z.number().int().min(0).max(3650),
                complex_value: z.number().int().min(0).max(3650).optional(),
                effective_from: IsoDateSchema.optional(),
              })
              .strict()
              .optional(),
            as_of: IsoDateSchema.optional(),
          })
          .strict(),
        response: {
          200: z.object({ as_of: z.string(), claims_checked: z.number(), moves: z.array(Move) }),
          ...errorResponses,
        },
      },
      config: { access: { permission: "users.manage" }, idempotency: false },
    },
    async (request) => {
      const { parameter, ...rest } = request.body;
      return previewImpact(db, scopeOf(request), {
        ...rest,
        ...(parameter ? { parameter: { ...parameter, key: parameter.key as StepKey } } : {}),
      });
    },
  );
};
