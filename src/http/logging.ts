// Structured logs (pino, through Fastify's logger): one JSON line per request — request id, method, route pattern,
// status, duration, client address, and the signed-in user and agency — plus startup, shutdown and error lines from `btnn serve`.
// Never logged: cookies, the Authorization header, passwords, tokens, or claimant personal data. Request lines carry
// the route PATTERN (/api/claims/:id), not the raw URL, so search terms in a query string never reach the log; and
// `redact` censors the known secret/personal fields wherever a log call passes them anyway (headers, bodies, errors).
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";

export type LogFormat = "json" | "text";

/** Any writable that takes one log line per `write` (a file stream, process.stdout, a test's capture). */
export type LogStream = { write(line: string): unknown };

/** Field names censored wherever they appear (one or two levels deep in a logged object). */
export const REDACTED_FIELDS = [
  "password",
  "current_password",
  "new_password",
  "old_password",
  "token",
  "csrf_token",
  "session",
  "secret",
  "claimant_name",
  "claimant_id_number",
  "claimant_address",
  "claimant_phone",
  "claimant_email",
  "national_id",
  "id_number",
] as const;

export const REDACT_PATHS: string[] = [
  "req.headers.cookie",
  "req.headers.authorization",
  "req.headers['x-csrf-token']",
  "headers.cookie",
  "headers.authorization",
  "headers['x-csrf-token']",
  "res.headers['set-cookie']",
  'reply.headers["set-cookie"]',
  ...REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

export const REDACT_CENSOR = "[đã ẩn]";

/** Pino options for buildApp's `logger`: level, redaction, ISO time, `service` tag; `stream` for tests or a file. */
export function loggerOptions(opts: {
  level: string;
  format?: LogFormat;
  stream?: LogStream;
}): Exclude<FastifyServerOptions["logger"], boolean | undefined> {
  const base = opts.stream ?? process.stdout;
  const stream = opts.format === "text" ? textStream(base) : base;
  return {
    level: opts.level,
    stream: stream as NodeJS.WritableStream,
    base: { service: "btnn", pid: process.pid },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    messageKey: "msg",
    redact: { paths: REDACT_PATHS, censor: REDACT_CENSOR },
    // Only what an operator needs from request/response objects when they are logged explicitly.
    serializers: {
      req: (req: { method?: string; routeOptions?: { url?: string }; id?: string }) => ({
        method: req.method,
        route: req.routeOptions?.url,
        request_id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
  };
}

/** Text format for a terminal: `time LEVEL msg key=value …` (still one line per event, same fields). */
export function textStream(out: LogStream): LogStream {
  const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
  return {
    write(line: string) {
      try {
        const {
          time,
          level,
          msg,
          service: _s,
          pid: _p,
          hostname: _h,
          ...rest
        } = JSON.parse(line) as Record<string, unknown>;
        const fields = Object.entries(rest)
          .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
          .join(" ");
        return out.write(`${time} ${LEVELS[level as number] ?? level} ${msg ?? ""}${fields ? ` ${fields}` : ""}\n`);
      } catch {
        return out.write(line);
      }
    },
  };
}

/** The per-request line (Fastify's own two "incoming request"/"request completed" lines are turned off in buildApp). */
export function logRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const status = reply.statusCode;
  const fields = {
    method: request.method,
    route: request.routeOptions?.url ?? "(không khớp route)",
    status,
    duration_ms: Math.round(reply.elapsedTime * 10) / 10,
    // The client's address: the socket peer, or X-Forwarded-For from a proxy trusted by TRUST_PROXY.
    client_ip: request.ip,
    user_id: request.auth?.userId,
    agency_id: request.auth?.agencyId,
  };
  if (status >= 500) request.log.error(fields, "request");
  else request.log.info(fields, "request");
  done();
}

/** Registers the per-request line on an app built with `disableRequestLogging: true`. */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", logRequest);
}
