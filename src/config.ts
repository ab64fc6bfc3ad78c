// Configuration from the environment, validated once at start (zod). Errors name the variable, in Vietnamese.
// The table of variables (with defaults) is in docs/operations.md. (There is no SESSION_SECRET: session and CSRF
// tokens are random values checked against the database, nothing is signed with a server key.)
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { z } from "zod";

export class ConfigError extends Error {
  readonly code = "config_invalid";
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`Cấu hình không hợp lệ — biến môi trường ${variable}: ${message}`);
    this.name = "ConfigError";
    this.variable = variable;
  }
}

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: "phải là số" })
    .int("phải là số nguyên")
    .min(1, "phải từ 1 đến 65535")
    .max(65535, "phải từ 1 đến 65535")
    .default(3000),
  HOST: z.string().min(1, "không được để trống").default("127.0.0.1"),
  DATA_DIR: z.string().min(1, "không được để trống").default("./data"),
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, "phải là URL dạng postgres://người_dùng:mật_khẩu@máy_chủ:cổng/tên_csdl")
    .optional(),
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v, ctx): TrustProxy => {
      const t = parseTrustProxy(v);
      if (t === null) {
        ctx.addIssue({
          code: "custom",
          message:
            "phải là 0/false (không tin proxy), true, số proxy đứng trước (1–10) hoặc danh sách địa chỉ IP/mạng cách nhau bởi dấu phẩy (ví dụ loopback hoặc 10.0.0.0/8)",
        });
        return z.NEVER;
      }
      return t;
    }),
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "phải là development, production hoặc test" })
    .default("development"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "phải là fatal, error, warn, info, debug, trace hoặc silent",
    })
    .default("info"),
  LOG_FORMAT: z.enum(["json", "text"], { error: "phải là json hoặc text" }).optional(),
  COOKIE_SECURE: z
    .enum(["1", "true", "0", "false"], { error: "phải là 1/true hoặc 0/false" })
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  SHUTDOWN_TIMEOUT: z.coerce
    .number({ error: "phải là số giây" })
    .int("phải là số nguyên (giây)")
    .min(1, "phải từ 1 đến 600 giây")
    .max(600, "phải từ 1 đến 600 giây")
    .default(10),
  SMTP_URL: z
    .string()
    .refine(
      (v) => /^smtps?:$/.test(safeProtocol(v)),
      "phải là URL dạng smtp://người_dùng:mật_khẩu@máy_chủ:587 hoặc smtps://…:465",
    )
    .optional(),
  MAIL_FROM: z.string().trim().min(3, "phải là địa chỉ người gửi, ví dụ BTNN <btnn@stp.gov.vn>").optional(),
  PUBLIC_URL: z
    .string()
    .refine((v) => /^https?:$/.test(safeProtocol(v)), "phải là URL dạng https://btnn.example.gov.vn")
    .optional(),
  SHUTDOWN_DRAIN: z.coerce
    .number({ error: "phải là số giây" })
    .int("phải là số nguyên (giây)")
    .min(0, "phải từ 0 đến 120 giây")
    .max(120, "phải từ 0 đến 120 giây")
    .default(0),
  BTNN_SCHEDULER: z
    .enum(["1", "true", "0", "false"], { error: "phải là 1/true (bật) hoặc 0/false (tắt)" })
    .default("1")
    .transform((v) => v === "1" || v === "true"),
});

function safeProtocol(value: string): string {
  try {
    return new URL(value).protocol;
  } catch {
    return "";
  }
}

/** Fastify's trustProxy: false, true, a hop count, or addresses/subnets (and proxy-addr's names loopback…). */
export type TrustProxy = boolean | number | string[];

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** "false"/"0" → false, "true" → true, "2" → 2 hops, "loopback, 10.0.0.0/8" → the list; anything else → null. */
export function parseTrustProxy(value: string): TrustProxy | null {
  const v = value.trim().toLowerCase();
  if (v === "false" || v === "0") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? n : null;
  }
  const list = v.split(",").map((s) => s.trim());
  const ok = list.every((item) => {
    if (PROXY_NAMES.has(item)) return true;
    const [ip, bits, extra] = item.split("/");
    const family = isIP(ip);
    if (!family || extra !== undefined) return false;
    if (bits === undefined) return true;
    return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  });
  return ok && list.length > 0 ? list : null;
}

/** postgres://user[:password]@host[:port]/database — parsed, not just pattern-matched (a URL with a bad port fails here). */
function isPostgresUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (
      (u.protocol === "postgres:" || u.protocol === "postgresql:") &&
      u.hostname.length > 0 &&
      u.pathname.length > 1 &&
      !u.pathname.slice(1).includes("/")
    );
  } catch {
    return false;
  }
}

export type Config = {
  port: number;
  host: string;
  /** Absolute path of the data folder (PGlite files, uploads, the server's control file). */
  dataDir: string;
  /** When set, the PostgreSQL server to use instead of PGlite. */
  databaseUrl?: string;
  /** Which proxies may set X-Forwarded-For (the client address in logs and throttling); false by default. */
  trustProxy: TrustProxy;
  nodeEnv: "development" | "production" | "test";
  logLevel: string;
  /** Log line format; undefined = json when stdout is not a terminal, text on a terminal (decided by `btnn serve`). */
  logFormat?: "json" | "text";
  /** Mark cookies Secure (COOKIE_SECURE=1 behind HTTPS). */
  cookieSecure: boolean;
  /** Seconds `btnn serve` waits for in-flight requests on SIGTERM/SIGINT before forcing the exit. */
  shutdownTimeoutS: number;
  /** Seconds `btnn serve` keeps answering (with /api/health at 503 "draining") after SIGTERM before it stops
   * listening, so that a load balancer takes it out first (SHUTDOWN_DRAIN, default 0). */
  shutdownDrainS: number;
  /** Daily jobs (reminders, deadline recompute) in the server process; BTNN_SCHEDULER=0 disables. */
  scheduler: boolean;
  /** Folder of the embedded PGlite database inside dataDir. */
  pgliteDir: string;
  /** Notification mail: SMTP server URL; mail is off when unset. */
  smtpUrl?: string;
  /** Sender address of notification mail (default "BTNN <no-reply@localhost>"). */
  mailFrom?: string;
  /** Address users open the web UI at, for links in mail (default http://HOST:PORT). */
  publicUrl?: string;
};

/** Validates the environment (nothing is created or written). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") cleaned[k] = v;
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "?"), issue.message);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    trustProxy: e.TRUST_PROXY,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    cookieSecure: e.COOKIE_SECURE,
    shutdownTimeoutS: e.SHUTDOWN_TIMEOUT,
    shutdownDrainS: e.SHUTDOWN_DRAIN,
    scheduler: e.BTNN_SCHEDULER,
    pgliteDir: join(dataDir, "pglite"),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ""),
  };
}

/** The database location from a config: PostgreSQL when DATABASE_URL is set, else the PGlite folder. */
export function databaseTarget(config: Config): { url?: string; dataDir?: string } {
  return config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.pgliteDir };
}

/** Where uploaded files live: DATA_DIR/uploads (for both engines; PostgreSQL holds only the rows). */
export function uploadsDir(config: Pick<Config, "dataDir">): string {
  return join(config.dataDir, "uploads");
}

/** DATA_DIR must be a folder the server can write (PGlite files, uploads): created when missing. */
export function checkDataDir(config: Config): void {
  ensureWritableDir(config.dataDir);
}

function ensureWritableDir(dir: string): void {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Error("không phải là thư mục");
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "không có quyền ghi"
        : code === "ENOTDIR" || code === "EEXIST"
          ? "một phần của đường dẫn là tệp, không phải thư mục"
          : (err as Error).message;
    throw new ConfigError("DATA_DIR", `thư mục ${dir} không dùng được (${why})`);
  }
}
