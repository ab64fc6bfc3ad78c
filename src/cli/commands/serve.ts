// btnn serve [--port N] [--host H] [--no-seed] — starts the API (and the web UI when web/dist is built).
// Configuration (src/config.ts, table in docs/operations.md) is validated first: a bad variable ends the process
// with exit 2 and one Vietnamese line naming it, before anything is opened. Then the database (PGlite in DATA_DIR,
// or PostgreSQL with DATABASE_URL) is opened and migrated while the HTTP stack loads, the demo is loaded into an
// empty database, and the server listens. Logs: one JSON line per request (src/http/logging.ts).
// SIGINT/SIGTERM: stop accepting connections, let in-flight requests finish (at most SHUTDOWN_TIMEOUT seconds, then
// force-close and exit 1), close the database (releasing the lock), exit 0. A second signal exits at once.
import { fileURLToPath } from "node:url";
import { type Config, ConfigError, checkDataDir, loadConfig } from "../../config.ts";
import type { Database } from "../../db/types.ts";
import { localUrl, newControlToken, writeControlFile } from "../control-file.ts";
import { type CliCommand, CliError, parseCli } from "../io.ts";

const HELP = `Cách dùng: btnn serve [--port N] [--host H] [--no-seed]
Chạy máy chủ API (và giao diện web nếu đã xây dựng web/dist).
Biến môi trường (xem docs/operations.md): PORT (mặc định 3000), HOST (mặc định 127.0.0.1), DATA_DIR (mặc định ./data),
DATABASE_URL (dùng PostgreSQL thay cho PGlite), LOG_LEVEL (mặc định info), LOG_FORMAT (json|text),
COOKIE_SECURE=1 (khi chạy sau HTTPS), TRUST_PROXY (proxy được tin để lấy địa chỉ máy khách, mặc định không),
SHUTDOWN_TIMEOUT (giây, mặc định 10), BTNN_SCHEDULER=0 (tắt việc định kỳ).`;

/** The built web UI (vite build output); served when present, else a placeholder page at /. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Validated configuration for the server, or a CliError (exit 2) naming the variable. */
export function serveConfig(env: NodeJS.ProcessEnv): Config {
  try {
    const config = loadConfig(env);
    checkDataDir(config);
    return config;
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message);
    throw e;
  }
}

const command: CliCommand = async (argv) => {
  const t0 = performance.now();
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
  const env = { ...process.env };
  if (values.port !== undefined) env.PORT = values.port;
  if (values.host !== undefined) env.HOST = values.host;
  const config = serveConfig(env);

  // The HTTP stack (routes, documents, OpenAPI) loads while the database starts: PGlite compiles its WASM and reads
  // its files asynchronously, so the two overlap instead of adding up.
  const appModule = import("../../http/app.ts");
  const loggingModule = import("../../http/logging.ts");
  appModule.catch(() => {});
  loggingModule.catch(() => {});
  const { describeTarget, openConfiguredDatabase } = await import("../../db/runtime.ts");
  console.log(`Mở cơ sở dữ liệu ${describeTarget(config)} …`);
  let database: Database;
  try {
    database = await openConfiguredDatabase(config, { log: (m) => console.log(m) });
  } catch (e) {
    throw new CliError((e as Error).message);
  }

  const { buildApp } = await appModule;
  const { loggerOptions } = await loggingModule;
  const { DEMO_PASSWORD, DEMO_USERS } = await import("../../db/seed/users.ts");
  const lifecycle = { draining: false };
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let scheduler: { stop(): Promise<void> } | undefined;
  let controlToken: string | undefined;
  let removeControl = () => {};
  try {
    let seededLine: string | undefined;
    if (!values["no-seed"] && !(await hasData(database))) {
      const t = Date.now();
      const { seedDemo } = await import("../../db/seed/index.ts");
      const r = await seedDemo(database);
      if (r.seeded)
        seededLine = `Đã nạp dữ liệu mẫu: ${r.agencies} cơ quan, ${r.users} tài khoản, ${r.claims} vụ việc (${((Date.now() - t) / 1000).toFixed(1)} giây).`;
    }
    if (seededLine) console.log(seededLine);
    const format = config.logFormat ?? (process.stdout.isTTY ? "text" : "json");
    // PGlite: this process holds the folder's lock, so `btnn backup` goes through us (POST /api/admin/backup).
    controlToken = database.kind === "pglite" ? newControlToken() : undefined;
    app = await buildApp({
      database,
      config,
      cluster: database.kind === "postgres",
      lifecycle,
      logger: loggerOptions({ level: config.logLevel, format }),
      web: { dist: WEB_DIST },
      controlToken,
    });
    await app.listen({ port: config.port, host: config.host });
    if (controlToken) {
      const a = app.server.address();
      const boundPort = typeof a === "object" && a ? a.port : config.port;
      removeControl = writeControlFile(config.dataDir, {
        pid: process.pid,
        url: localUrl(config.host, boundPort),
        token: controlToken,
      });
    }
    // Daily reminders and claim-deadline recompute (07:00 Asia/Ho_Chi_Minh, plus a catch-up run after start).
    // BTNN_SCHEDULER=0 disables.
    if (config.scheduler) {
      // Started once the first request has been answered (or 2 s after listening): its modules and its catch-up run
      // would otherwise compete with that request for the CPU and for PGlite's one connection.
      let started = false;
      const startJobs = () => {
        if (started) return;
        started = true;
        clearTimeout(timer);
        import("../../jobs/scheduler.ts").then(
          ({ schedulerMail, startScheduler }) => {
            if (lifecycle.draining) return; // stopping already
            scheduler = startScheduler({ db: database.db, log: (m) => console.log(m), mail: schedulerMail(config) });
          },
          (e) => console.error(`Lỗi: không khởi động được việc định kỳ: ${(e as Error).message}`),
        );
      };
      const timer = setTimeout(startJobs, 2000).unref();
      app.server.once("request", (_req, res) => res.once("close", startJobs));
    }
  } catch (e) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new CliError(`Cổng ${config.port} đang được dùng; đặt PORT khác (ví dụ PORT=3001).`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
      throw new CliError(
        `Cấu hình không hợp lệ — biến môi trường HOST: không lắng nghe được trên "${config.host}" (${code})`,
      );
    throw e;
  }
  const server = app;

  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const startupMs = Math.round(performance.now() - t0);
  const { APP_VERSION } = await import("../../http/routes/health.ts");
  server.log.info(
    {
      event: "startup",
      version: APP_VERSION,
      url,
      database: database.kind,
      startup_ms: startupMs,
      uptime_ms: Math.round(process.uptime() * 1000),
      shutdown_timeout_s: config.shutdownTimeoutS,
    },
    "máy chủ đã sẵn sàng",
  );
  const admin = DEMO_USERS.find((u) => u.role === "system_admin")?.username ?? "admin";
  console.log(`BTNN đang chạy tại ${url}`);
  console.log(`  Tài liệu API: ${url}/api/docs`);
  console.log(
    `  Tài khoản mẫu: ${admin} / ${DEMO_PASSWORD} (các tài khoản khác: docs/demo-accounts.md) — đổi mật khẩu sau khi cài đặt.`,
  );
  console.log("  Nhấn Ctrl+C để dừng.");

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigterm);
      resolveExit(code);
    };
    // Forced exit: drop every open connection, give the database a moment to close (the lock file is removed by
    // the exit hook of src/db/lock.ts either way), then leave with a non-zero code.
    const force = (code: number) => {
      finished = true;
      try {
        server.server.closeAllConnections();
      } catch {
        // already closed
      }
      const bounded = new Promise((r) => setTimeout(r, 2000).unref());
      void Promise.race([database.close().catch(() => {}), bounded]).then(() => process.exit(code));
    };
    const stop = (signal: string) => {
      if (stopping) {
        console.error(`Nhận tín hiệu ${signal} lần thứ hai: thoát ngay, không chờ các yêu cầu đang xử lý.`);
        server.log.warn({ event: "shutdown_forced", signal }, "dừng ngay theo tín hiệu thứ hai");
        force(1);
        return;
      }
      stopping = true;
      const since = performance.now();
      console.log(`Nhận tín hiệu ${signal}: đang dừng máy chủ (chờ các yêu cầu đang xử lý) …`);
      server.log.info({ event: "shutdown", signal }, "bắt đầu dừng máy chủ");
      lifecycle.draining = true;
      let timer: NodeJS.Timeout | undefined;
      const armTimeout = () => {
        timer = setTimeout(() => {
          console.error(
            `Quá ${config.shutdownTimeoutS} giây (SHUTDOWN_TIMEOUT) mà vẫn còn yêu cầu đang xử lý: buộc đóng các kết nối và thoát.`,
          );
          server.log.error({ event: "shutdown_timeout", timeout_s: config.shutdownTimeoutS }, "quá thời hạn dừng");
          force(1);
        }, config.shutdownTimeoutS * 1000);
      };
      (async () => {
        // Drain: keep answering while /api/health says "draining", so the load balancer stops sending first.
        const drainS = config.shutdownDrainS ?? 0;
        if (drainS > 0) {
          console.log(
            `Đang rút khỏi cụm máy chủ: còn phục vụ ${drainS} giây (SHUTDOWN_DRAIN) rồi mới dừng nhận kết nối.`,
          );
          await new Promise((r) => setTimeout(r, drainS * 1000));
        }
        armTimeout();
        removeControl();
        if (scheduler) await scheduler.stop().catch(() => {});
        // Stops listening (new connections are refused), closes idle keep-alive connections, answers requests that
        // arrive on open connections with 503, and resolves once the in-flight requests have been answered.
        await server.close();
        await database.close();
      })().then(
        () => {
          if (timer) clearTimeout(timer);
          if (finished) return;
          server.log.info(
            { event: "shutdown_complete", duration_ms: Math.round(performance.now() - since) },
            "đã dừng máy chủ",
          );
          console.log("Đã dừng máy chủ và đóng cơ sở dữ liệu.");
          finish(0);
        },
        (e) => {
          if (timer) clearTimeout(timer);
          if (finished) return;
          console.error(`Lỗi khi dừng: ${(e as Error).message}`);
          finish(1);
        },
      );
    };
    const onSigint = () => stop("SIGINT");
    const onSigterm = () => stop("SIGTERM");
    process.on("SIGINT", onSigint);
    process.on("SIGTERM", onSigterm);
  });
};

/** Any agency, user, claim or plan already there (then the demo is not loaded and its module not even imported). */
async function hasData(database: Database): Promise<boolean> {
  const rows = await database.query<{ has: boolean }>(
    `select exists (select 1 from agencies) or exists (select 1 from users)
        or exists (select 1 from claims) or exists (select 1 from plans) as has`,
  );
  return rows[0]?.has === true;
}

export default command;
