// A real SMTP server on loopback (smtp-server) for the mail tests: every message is parsed (mailparser) into `inbox`
// before the server answers 250, so a send the app awaited is already there to read.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = { to: string; subject: string; text: string };

export type SmtpFixture = {
  /** smtp://127.0.0.1:<port> — the app's SMTP_URL. */
  url: string;
  inbox: Received[];
  /** The mails to `to` (whose subject names `about`, when given). */
  mailsTo(to: string, about?: string): Received[];
  /** The newest of `mailsTo(to, about)` once more than `already` have arrived (10 s at most: sends may run late). */
  mailTo(to: string, already: number, about?: string): Promise<Received>;
  close(): Promise<void>;
};

export async function startSmtp(): Promise<SmtpFixture> {
  const inbox: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to[0].text : (m.to?.text ?? "");
          inbox.push({ to, subject: m.subject ?? "", text: m.text ?? "" });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  const port = (smtp.server.address() as AddressInfo).port;
  const mailsTo = (to: string, about = "") => inbox.filter((m) => m.to.includes(to) && m.subject.includes(about));
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    mailsTo,
    async mailTo(to, already, about) {
      for (let i = 0; i < 200; i++) {
        const got = mailsTo(to, about);
        if (got.length > already) return got[got.length - 1];
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no mail to ${to}${about ? ` about ${about}` : ""}`);
    },
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}
