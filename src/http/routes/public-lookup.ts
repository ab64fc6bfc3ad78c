// The one way a public route finds a submission: receipt code + second factor, counted against the per-code and
// per-address caps (429 in Vietnamese) — the status lookup, the receipt download and the data-subject requests share it
// as their preHandler.
import type { FastifyReply, FastifyRequest } from "fastify";
import { beginLookupAttempt, markAttemptSucceeded, type PublicLimits } from "../../db/repositories/public-attempts.ts";
import { findByCodeAndFactor } from "../../db/repositories/public-submissions.ts";
import type { AppDb } from "../../db/types.ts";
import { normalizeReceiptCode } from "../../domain/portal/index.ts";
import { errorResponses } from "../contracts/common.ts";
import { PUBLIC_TAGS } from "../contracts/public-portal.ts";
import { HttpError } from "../http-error.ts";

export const tooMany = (minutes: number) =>
  new HttpError(
    429,
    "too_many_attempts",
    `Bạn đã thử quá nhiều lần. Vì an toàn, vui lòng thử lại sau ${minutes} phút hoặc liên hệ trực tiếp cơ quan tiếp nhận.`,
  );

/** The error answers of a capped public route: the usual ones and 429 (same body). */
export const PUBLIC_ERRORS = { 429: errorResponses[409], ...errorResponses };

type Submission = Awaited<ReturnType<typeof findByCodeAndFactor>>;

/**
 * The guard of a route the person reaches with (code, factor) — the body's `code` and `factor`, or the path's `:code`
 * and `?factor=` — as a preHandler: the submission is found (else 404, the same for an unknown code and a wrong factor,
 * or 429 over the caps) before the handler runs, which reads it with `submission(request)`.
 */
export function receiptGuard(db: AppDb, limits: PublicLimits, now: () => Date) {
  const retryMinutes = Math.ceil(limits.windowMs / 60_000);
  const found = new WeakMap<FastifyRequest, Submission>();
  const guard = {
    async preHandler(request: FastifyRequest, reply: FastifyReply) {
      const { code, factor } = (request.body ?? { ...(request.params as object), ...(request.query as object) }) as {
        code: string;
        factor: string;
      };
      // Every typed code counts (existing or not): the limiter tells nothing about which codes exist.
      const attempt = await beginLookupAttempt(db, normalizeReceiptCode(code).slice(0, 40), request.ip, now(), limits);
      if (attempt.throttled) {
        reply.header("retry-after", String(retryMinutes * 60));
        throw tooMany(retryMinutes);
      }
      const row = await findByCodeAndFactor(db, code, factor);
      await markAttemptSucceeded(db, attempt.id);
      found.set(request, row);
    },
    submission(request: FastifyRequest): Submission {
      const row = found.get(request);
      if (!row) throw new Error("receiptGuard: the route lacks the guard's preHandler");
      return row;
    },
    /**
     * The options every guarded route declares: the portal's tag, no login (no security), the capped error answers
     * beside its own, the guard as preHandler, and no generic Idempotency-Key (it keys by user; there is none here —
     * a lookup is harmless to repeat and the repositories answer a repeated request themselves).
     */
    route<S extends { response: object }>(schema: S) {
      return {
        schema: { tags: PUBLIC_TAGS, security: [], ...schema, response: { ...schema.response, ...PUBLIC_ERRORS } },
        config: { access: "public" as const, idempotency: false as const },
        preHandler: guard.preHandler,
      };
    },
  };
  return guard;
}
