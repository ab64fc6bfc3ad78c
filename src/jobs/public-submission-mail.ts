// E-mail to the person who submitted online (issue 15 item 5), when they gave an address and have not withdrawn consent:
// one mail per step of the submission (accepted, forwarded, answered, refused — the receipt itself is on screen) and
// one per change of the linked claim's step. Run right after a decision (src/http/routes/public-submission-handling.ts)
// and every minute by the scheduler; a step or a claim phase is claimed before it is sent (never mailed twice; a failed
// send releases it for the next run). The mail carries the receipt code, the step, who holds the file and the next
// statutory date — never the person's data beyond the address it goes to, never internal notes.
import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { submissionStatus } from "../db/repositories/public-submissions.ts";
import { claims, publicSubmissionSteps, publicSubmissions } from "../db/schema/index.ts";
import type { AppDb } from "../db/types.ts";
import { defaultCalendar } from "../domain/calendar/index.ts";
import { PHASE_LABELS_VI, type Phase } from "../domain/claims/index.ts";
import { formatReceiptCode, SUBMISSION_STEP_VI, type SubmissionStep } from "../domain/portal/index.ts";
import { formatVi } from "../domain/shared/dates.ts";
import type { Mailer } from "../mail/mailer.ts";

/** Where the person looks the status up (web/src/features/public/StatusPage.tsx). */
export const STATUS_PATH = "/cong-dan/tra-cuu";

type Row = typeof publicSubmissions.$inferSelect;

async function compose(db: AppDb, row: Row, headline: string, baseUrl: string) {
  const s = await submissionStatus(db, row, defaultCalendar);
  const code = formatReceiptCode(row.code);
  const next = s.next_date
    ? `\nHạn tiếp theo: ${s.next_date.label} — ${formatVi(s.next_date.date)} (${s.next_date.basis}).`
    : "";
  const answer =
    row.answerText && (row.status === "answered" || row.status === "refused")
      ? `\n\nNội dung trả lời:\n${row.answerText}`
      : "";
  return {
    to: row.personEmail as string,
    subject: `[Cổng công dân BTNN] Hồ sơ ${code}: ${headline}`.slice(0, 250),
    text:
      `Kính gửi ông/bà ${row.personName},\n\n` +
      `Hồ sơ mã ${code} gửi ngày ${formatVi(row.submittedOn)} có bước mới: ${headline}.\n` +
      `Cơ quan đang giữ hồ sơ: ${s.holder.name}.${next}${answer}\n\n` +
      `Tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại hoặc 4 số cuối giấy tờ tùy thân đã khai): ${baseUrl}${STATUS_PATH}\n\n` +
      "--\nThư tự động của Cổng công dân — Hệ thống quản lý công tác bồi thường nhà nước. Vui lòng không trả lời thư này.",
  };
}

const mailable = and(isNotNull(publicSubmissions.personEmail), isNull(publicSubmissions.consentWithdrawnAt));

/** Sends the pending mails; returns how many were sent. A send that fails is released and thrown after the rest. */
export async function mailPublicSubmissionUpdates(
  db: AppDb,
  mailer: Mailer,
  opts: { baseUrl: string; now?: Date },
): Promise<number> {
  const now = opts.now ?? new Date();
  let sent = 0;
  let failure: unknown = null;
  const steps = await db
    .select({ id: publicSubmissionSteps.id, step: publicSubmissionSteps.step, s: publicSubmissions })
    .from(publicSubmissionSteps)
    .innerJoin(publicSubmissions, eq(publicSubmissions.id, publicSubmissionSteps.submissionId))
    .where(and(isNull(publicSubmissionSteps.mailedAt), ne(publicSubmissionSteps.step, "received"), mailable))
    .orderBy(publicSubmissionSteps.id);
  for (const { id, step, s } of steps) {
    const [claimed] = await db
      .update(publicSubmissionSteps)
      .set({ mailedAt: now })
      .where(and(eq(publicSubmissionSteps.id, id), isNull(publicSubmissionSteps.mailedAt)))
      .returning({ id: publicSubmissionSteps.id });
    if (!claimed) continue;
    try {
      await mailer.send(await compose(db, s, SUBMISSION_STEP_VI[step as SubmissionStep] ?? step, opts.baseUrl));
      sent++;
    } catch (e) {
      failure ??= e;
      await db.update(publicSubmissionSteps).set({ mailedAt: null }).where(eq(publicSubmissionSteps.id, id));
    }
  }
  // The linked claim moved on: its phase differs from the one last mailed.
  const moved = await db
    .select({ s: publicSubmissions, phase: claims.state })
    .from(publicSubmissions)
    .innerJoin(claims, eq(claims.id, publicSubmissions.claimId))
    .where(
      and(
        eq(publicSubmissions.status, "accepted"),
        mailable,
        sql`${claims.state} is distinct from ${publicSubmissions.mailedClaimPhase}`,
      ),
    );
  for (const { s, phase } of moved) {
    const [claimed] = await db
      .update(publicSubmissions)
      .set({ mailedClaimPhase: phase })
      .where(
        and(
          eq(publicSubmissions.id, s.id),
          sql`${publicSubmissions.mailedClaimPhase} is not distinct from ${s.mailedClaimPhase}`,
        ),
      )
      .returning({ id: publicSubmissions.id });
    if (!claimed) continue;
    try {
      await mailer.send(await compose(db, s, PHASE_LABELS_VI[phase as Phase] ?? phase, opts.baseUrl));
      sent++;
    } catch (e) {
      failure ??= e;
      await db
        .update(publicSubmissions)
        .set({ mailedClaimPhase: s.mailedClaimPhase })
        .where(eq(publicSubmissions.id, s.id));
    }
  }
  if (failure) throw failure;
  return sent;
}
