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
  /** The newest mail to `to` once more than `already` have arrived (5 s at most). */
  mailTo(to: string, already: number): Promise<Received>;
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
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    async mailTo(to, already) {
      for (let i = 0; i < 100; i++) {
        const got = inbox.filter((m) => m.to.includes(to));
        if (got.length > already) return got[got.length - 1];
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no mail to ${to}`);
    },
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}
