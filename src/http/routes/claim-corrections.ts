// POST /api/claims/:id/corrections — cải chính: correct or void one recorded step, or correct claim fields (every
// field, amounts and the law included; the receipt date is the `received` step), with a reason. Audited
// (claim.correct); the original stays in the claim's `corrections`. A closed file (paid, refused, terminated) only with
// claims.correct_closed (agency leader) → otherwise 403 naming the permission.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { correctClaim } from "../../db/repositories/claim-corrections.ts";
import type { AppDb } from "../../db/types.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { ClaimDetail, ClaimFields } from "../contracts/claims.ts";
import { errorResponses, etag, expectedVersion, IsoDateSchema, UuidParam } from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const Text = (max: number) => z.string().trim().max(max);

export const ClaimCorrection = z
  .object({
    /** Why the file changes (required): kept with the correction and in the audit trail. */
    reason: Text(2000).min(5),
    /** One step: corrected (new date, ground, note, data) or voided. */
    event: z
      .object({
        event_id: z.uuid(),
        action: z.enum(["correct", "void"]),
        date: IsoDateSchema.optional(),
        ground: Text(20).nullable().optional(),
        note: Text(2000).nullable().optional(),
        data: z.record(z.string().max(100), z.unknown()).nullable().optional(),
      })
      .strict()
      .optional(),
    /** Or fields of the claim. */
    fields: z
      .object(ClaimFields)
      .partial()
      .strict()
      .refine((f) => Object.keys(f).length > 0, "Chọn ít nhất một trường cần cải chính.")
      .optional(),
    /** The version being corrected (or send If-Match). */
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const claimCorrectionRoutes: FastifyPluginAsyncZod<{ db: AppDb; now?: () => Date }> = async (
  app,
  { db, now },
) => {
  app.post(
    "/api/claims/:id/corrections",
    {
      schema: {
        tags: ["Vụ việc"],
        summary:
          "Cải chính vụ việc: sửa hoặc hủy một bước đã ghi, hoặc sửa các trường của vụ việc, phải nêu lý do (có ghi nhật ký; bản gốc vẫn hiện, gạch ngang); vụ việc đã kết thúc chỉ lãnh đạo cơ quan được cải chính",
        params: UuidParam,
        body: ClaimCorrection,
        response: { 200: ClaimDetail, ...errorResponses },
      },
      // A closed file also needs claims.correct_closed, checked in the repository once the claim's phase is known.
      config: { access: { permission: "claims.write", inside: ["claims.correct_closed"] } },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      const ifMatch = request.headers["if-match"];
      const expected = version ?? (typeof ifMatch === "string" ? expectedVersion(request, undefined) : undefined);
      const updated = await correctClaim(db, scopeOf(request), request.params.id, input, {
        expected_version: expected,
        today: todayVn(now?.() ?? new Date()),
      });
      reply.header("etag", etag(updated.version));
      return updated;
    },
  );
};
