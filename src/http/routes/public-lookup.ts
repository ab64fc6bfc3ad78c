// The one way a public route finds a submission: receipt code + second factor, counted against the per-code and
// per-address caps (429 in Vietnamese) — the status lookup, the receipt download and the data-subject requests share it.
import { beginLookupAttempt, markAttemptSucceeded, type PublicLimits } from "../../db/repositories/public-attempts.ts";
import { findByCodeAndFactor } from "../../db/repositories/public-submissions.ts";
import type { AppDb } from "../../db/types.ts";
import { normalizeReceiptCode } from "../../domain/portal/index.ts";
import { HttpError } from "../http-error.ts";

export const tooMany = (minutes: number) =>
  new HttpError(
    429,
    "too_many_attempts",
    `Bạn đã thử quá nhiều lần. Vì an toàn, vui lòng thử lại sau ${minutes} phút hoặc liên hệ trực tiếp cơ quan tiếp nhận.`,
  );

export type Lookup = (
  code: string,
  factor: string,
  ip: string,
  reply: { header(k: string, v: string): unknown },
) => ReturnType<typeof findByCodeAndFactor>;

/** (code, factor) → the submission, counting attempts; 429 once over the caps. */
export function makeLookup(db: AppDb, limits: PublicLimits, now: () => Date): Lookup {
  const retryMinutes = Math.ceil(limits.windowMs / 60_000);
  return async (code, factor, ip, reply) => {
    // Every typed code counts (existing or not): the limiter tells nothing about which codes exist.
    const attempt = await beginLookupAttempt(db, normalizeReceiptCode(code).slice(0, 40), ip, now(), limits);
    if (attempt.throttled) {
      reply.header("retry-after", String(retryMinutes * 60));
      throw tooMany(retryMinutes);
    }
    const row = await findByCodeAndFactor(db, code, factor);
    await markAttemptSucceeded(db, attempt.id);
    return row;
  };
}
