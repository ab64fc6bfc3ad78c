// Notification mail through SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. No SMTP_URL → no mailer: the
// rest of the system works the same and the UI says mail is off.
import type { Transporter } from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

export const DEFAULT_MAIL_FROM = "BTNN <no-reply@localhost>";

export function createMailer(config: { smtpUrl?: string; mailFrom?: string }): Mailer | null {
  if (!config.smtpUrl) return null;
  const url = config.smtpUrl;
  const from = config.mailFrom ?? DEFAULT_MAIL_FROM;
  // nodemailer (and, through its ES build's `node:http` import, Node's bundled undici) costs ~0.25 s of CPU to load:
  // it is loaded with the first mail, not at server start (SMTP_URL is validated by src/config.ts).
  let transport: Promise<Transporter> | undefined;
  return {
    async send(mail) {
      transport ??= import("nodemailer").then((m) => m.default.createTransport(url));
      await (await transport).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => {
      void transport?.then((t) => t.close()).catch(() => {});
    },
  };
}
