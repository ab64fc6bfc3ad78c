// Configuration from the environment, validated once at start (zod). Errors name the variable, in Vietnamese.
// SESSION_SECRET: taken from the environment, else read from DATA_DIR/session-secret, else generated there (0600).
// The table of variables (with defaults) is in docs/operations.md.
import { randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
  SESSION_SECRET: z.string().min(32, "phải dài ít nhất 32 ký tự").optional(),
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
  /** Absolute path of the data folder (PGlite files, session secret, uploads). */
  dataDir: string;
  /** When set, the PostgreSQL server to use instead of PGlite. */
  databaseUrl?: string;
  sessionSecret: string;
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

export const SESSION_SECRET_FILE = "session-secret";

/** Validates the environment; with `persistSecret` (default) creates DATA_DIR/session-secret when no secret exists. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  opts: { persistSecret?: boolean } = {},
): Config {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") cleaned[k] = v;
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "?"), issue.message);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (opts.persistSecret !== false) ensureWritableDir(dataDir);
    const file = join(dataDir, SESSION_SECRET_FILE);
    if (existsSync(file)) {
      sessionSecret = readFileSync(file, "utf8").trim();
      if (sessionSecret.length < 32)
        throw new ConfigError("SESSION_SECRET", `tệp ${file} chứa khóa quá ngắn (cần ít nhất 32 ký tự)`);
    } else {
      sessionSecret = randomBytes(32).toString("hex");
      if (opts.persistSecret !== false) {
        try {
          mkdirSync(dataDir, { recursive: true });
          writeFileSync(file, `${sessionSecret}\n`, { mode: 0o600, flag: "wx" });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "EEXIST") sessionSecret = readFileSync(file, "utf8").trim();
          else
            throw new ConfigError(
              "DATA_DIR",
              `không ghi được khóa phiên vào ${file} (${(err as Error).message}); đặt SESSION_SECRET hoặc sửa quyền thư mục`,
            );
        }
      }
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sessionSecret,
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

/** DATA_DIR must be a folder the server can write (PGlite files, uploads, session secret): created when missing. */
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
