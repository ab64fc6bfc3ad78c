// Flood cap of the public portal (issue 15 "Abuse and privacy"): every POST under /api/public and every receipt
// download, per address (an IPv6 /64 counts as one), at most `requestsPerMinute` a minute → 429 in Vietnamese. Counted
// in memory per server: it protects the CPU (PDF, .docx, scrypt), not a legal limit — the caps that matter for
// enumeration and submissions are counted in the database (src/db/repositories/public-attempts.ts).
import type { FastifyInstance } from "fastify";
import { addressKey } from "../db/repositories/public-attempts.ts";
import { HttpError } from "./http-error.ts";

const WINDOW_MS = 60_000;
/** Above this many tracked addresses, expired windows are dropped (memory stays bounded under a spray of addresses). */
const PRUNE_AT = 10_000;

const guarded = (method: string, url: string) =>
  url.startsWith("/api/public/") && (method === "POST" || /^\/api\/public\/submissions\/[^/]+\/receipt\.pdf/.test(url));

export function installPublicFloodGuard(app: FastifyInstance, requestsPerMinute: number): void {
  const windows = new Map<string, { start: number; n: number }>();
  app.addHook("onRequest", async (request, reply) => {
    if (!guarded(request.method, request.url)) return;
    const now = Date.now();
    if (windows.size > PRUNE_AT) for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
    const key = addressKey(request.ip);
    let w = windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, n: 0 };
      windows.set(key, w);
    }
    w.n++;
    if (w.n > requestsPerMinute) {
      reply.header("retry-after", String(Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000))));
      throw new HttpError(
        429,
        "too_many_requests",
        "Bạn đã gửi quá nhiều yêu cầu trong một phút. Vui lòng chờ một phút rồi thử lại.",
      );
    }
  });
}
