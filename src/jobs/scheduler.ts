// In-process scheduler (croner): the daily jobs at 07:00 Vietnam time on every day, plus one catch-up run at start
// (a server that was down at 07:00 still sends the day's reminders; the jobs are idempotent).
import { Cron } from "croner";
import type { Config } from "../config.ts";
import { todayVn } from "../db/repositories/common.ts";
import type { AppDb } from "../db/types.ts";
import { bumpDataGeneration } from "../http/data-generation.ts";
import { createMailer, type Mailer } from "../mail/mailer.ts";
import { DIGEST_PATTERN, DISPATCH_PATTERN, mailDigests, mailEachEvent } from "./notification-mail.ts";
import { mailPublicSubmissionUpdates } from "./public-submission-mail.ts";
import { runDailyJobs } from "./reminders.ts";

export type Scheduler = {
  /** Runs the daily jobs now (for "today" in Vietnam) and resolves when done. */
  runNow(): Promise<void>;
  /** Sends the pending per-event mail now (what the every-minute dispatch does); nothing when mail is off. */
  dispatchMail(): Promise<void>;
  /** Stops the timer and waits for a run in progress (call before closing the database). */
  stop(): Promise<void>;
};

/** The scheduler's mail from the configuration: none without SMTP_URL (mail off: nothing is ever sent). */
export function schedulerMail(
  config: Pick<Config, "smtpUrl" | "mailFrom" | "publicUrl" | "host" | "port">,
): { mailer: Mailer; baseUrl: string } | undefined {
  const mailer = createMailer(config);
  return mailer ? { mailer, baseUrl: config.publicUrl ?? `http://${config.host}:${config.port}` } : undefined;
}

export function startScheduler(opts: {
  db: AppDb;
  pattern?: string;
  catchUp?: boolean;
  log?: (msg: string) => void;
  now?: () => Date;
  /** Notification mail (SMTP_URL set): per-event dispatch every minute, digest at 07:00 Vietnam time. */
  mail?: { mailer: Mailer; baseUrl: string };
}): Scheduler {
  const log = opts.log ?? (() => {});
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) return running;
    const day = todayVn(opts.now?.() ?? new Date());
    running = runDailyJobs(opts.db, day)
      .then((r) => {
        log(
          `Công việc hằng ngày ${day}: ${r.reminders.inserted} nhắc việc mới; ${r.deadlines === "already_done" ? "thời hạn vụ việc đã tính lại trong ngày" : `tính lại thời hạn ${r.deadlines.claims} vụ việc`}.`,
        );
      })
      .catch((e) => log(`Lỗi công việc hằng ngày ${day}: ${(e as Error).message}`))
      .finally(() => {
        running = null;
        // The jobs wrote outside HTTP: cached read responses of this process are stale now.
        bumpDataGeneration();
      });
    return running;
  };
  const cron = new Cron(opts.pattern ?? "0 7 * * *", { timezone: "Asia/Ho_Chi_Minh", protect: true }, () => run());
  const crons = [cron];
  const mail = opts.mail;
  const fail = (e: unknown) => log(`Lỗi gửi thư thông báo: ${(e as Error).message}`);
  const dispatchMail = async () => {
    if (!mail) return;
    await Promise.all([
      mailEachEvent(opts.db, mail.mailer, mail).catch(fail),
      // The public portal's persons: a step of their submission or of its claim (issue 15).
      mailPublicSubmissionUpdates(opts.db, mail.mailer, mail).catch(fail),
    ]);
  };
  if (mail) {
    const tz = { timezone: "Asia/Ho_Chi_Minh", protect: true };
    crons.push(
      new Cron(DISPATCH_PATTERN, tz, () => void dispatchMail()),
      new Cron(DIGEST_PATTERN, tz, () => {
        void mailDigests(opts.db, mail.mailer, { ...mail, now: opts.now?.() }).catch(fail);
      }),
    );
  }
  if (opts.catchUp ?? true) setImmediate(() => void run());
  return {
    runNow: run,
    dispatchMail,
    async stop() {
      stopped = true;
      for (const c of crons) c.stop();
      mail?.mailer.close();
      if (running) await running;
    },
  };
}
