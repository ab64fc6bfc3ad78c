// Notification mail through SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. No SMTP_URL → no mailer: the
// rest of the system works the same and the UI says mail is off.
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

export const DEFAULT_MAIL_FROM = "BTNN <no-reply@localhost>";

export function createMailer(config: { smtpUrl?: string; mailFrom?: string }): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  const from = config.mailFrom ?? DEFAULT_MAIL_FROM;
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
