// btnn serve [--port N] [--host H] [--no-seed] — starts the API (and the web UI when web/dist is built).
// Reads the configuration (PORT, HOST, DATA_DIR, DATABASE_URL, SESSION_SECRET, LOG_LEVEL; COOKIE_SECURE=1 behind
// HTTPS), opens the database (PGlite in DATA_DIR, or PostgreSQL with DATABASE_URL) and migrates it, loads the demo
// into an empty database, listens, and on SIGINT/SIGTERM closes the server, then the database (releasing the lock).
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../../config.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../db/seed/index.ts";
import type { Database } from "../../db/types.ts";
import { buildApp } from "../../http/app.ts";
import { type Scheduler, startScheduler } from "../../jobs/scheduler.ts";
import { type CliCommand, CliError, parseCli } from "../io.ts";

const HELP = `Cách dùng: btnn serve [--port N] [--host H] [--no-seed]
Chạy máy chủ API (và giao diện web nếu đã xây dựng web/dist).
Biến môi trường: PORT (mặc định 3000), HOST (mặc định 127.0.0.1), DATA_DIR (mặc định ./data),
DATABASE_URL (dùng PostgreSQL thay cho PGlite), SESSION_SECRET, LOG_LEVEL, COOKIE_SECURE=1 (khi chạy sau HTTPS).`;

/** The built web UI (vite build output); served when present, else a placeholder page at /. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

function cookieSecure(env: NodeJS.ProcessEnv): boolean {
  const v = env.COOKIE_SECURE;
  if (v === undefined || v === "" || v === "0" || v === "false") return false;
  if (v === "1" || v === "true") return true;
  throw new ConfigError("COOKIE_SECURE", `phải là 1/true hoặc 0/false (nhận được "${v}")`);
}

const command: CliCommand = async (argv) => {
  const { values } = parseCli(
    argv,
    {
      port: { type: "string" },
      host: { type: "string" },
      "no-seed": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  let secure: boolean;
  try {
    const env = { ...process.env };
    if (values.port !== undefined) env.PORT = values.port;
    if (values.host !== undefined) env.HOST = values.host;
    config = loadConfig(env);
    secure = cookieSecure(env);
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message);
    throw e;
  }

  console.log(`Mở cơ sở dữ liệu ${describeTarget(config)} …`);
  let database: Database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (e) {
    throw new CliError((e as Error).message);
  }

  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let scheduler: Scheduler | undefined;
  const shutdown = async () => {
    if (scheduler) await scheduler.stop().catch(() => {});
    if (app) await app.close().catch(() => {});
    await database.close().catch(() => {});
  };
  try {
    if (!values["no-seed"]) {
      const t0 = Date.now();
      const r = await seedDemo(database);
      if (r.seeded)
        console.log(
          `Đã nạp dữ liệu mẫu: ${r.agencies} cơ quan, ${r.users} tài khoản, ${r.claims} vụ việc (${((Date.now() - t0) / 1000).toFixed(1)} giây).`,
        );
    }
    // Request logs only when LOG_LEVEL is set explicitly; the default console stays readable.
    const level = process.env.LOG_LEVEL ? config.logLevel : "warn";
    app = await buildApp({
      database,
      config: { ...config, cookieSecure: secure },
      logger: { level },
      web: { dist: WEB_DIST },
    });
    await app.listen({ port: config.port, host: config.host });
    // Daily reminders and claim-deadline recompute (07:00 Asia/Ho_Chi_Minh, plus a catch-up run now). BTNN_SCHEDULER=0 disables.
    if (process.env.BTNN_SCHEDULER !== "0") scheduler = startScheduler({ db: database.db, log: (m) => console.log(m) });
  } catch (e) {
    await shutdown();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new CliError(`Cổng ${config.port} đang được dùng; đặt PORT khác (ví dụ PORT=3001).`);
    throw e;
  }

  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const admin = DEMO_USERS.find((u) => u.role === "system_admin")?.username ?? "admin";
  console.log(`BTNN đang chạy tại ${url}`);
  console.log(`  Tài liệu API: ${url}/api/docs`);
  console.log(
    `  Tài khoản mẫu: ${admin} / ${DEMO_PASSWORD} (các tài khoản khác: docs/demo-accounts.md) — đổi mật khẩu sau khi cài đặt.`,
  );
  console.log("  Nhấn Ctrl+C để dừng.");

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`Nhận tín hiệu ${signal}: đang dừng máy chủ …`);
      shutdown().then(
        () => {
          console.log("Đã dừng máy chủ và đóng cơ sở dữ liệu.");
          resolveExit(0);
        },
        (e) => {
          console.error(`Lỗi khi dừng: ${(e as Error).message}`);
          resolveExit(1);
        },
      );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
};

export default command;
