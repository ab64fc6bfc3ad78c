// btnn backup FILE [--json] — writes a portable logical backup (gzip JSON lines: tables, uploaded files, SHA-256
// manifest) of the configured database (DATABASE_URL or DATA_DIR) and DATA_DIR/uploads. The same file restores into
// PGlite or PostgreSQL. When a running server holds the PGlite folder's lock, the backup is written by that server
// (POST /api/admin/backup with the token of DATA_DIR/btnn-control.json): same function, same file format.
import { request } from "node:http";
import { resolve } from "node:path";
import { type Config, loadConfig, uploadsDir } from "../../config.ts";
import { type BackupHeader, backupDatabase } from "../../db/backup.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { type ControlInfo, readControlFile } from "../control-file.ts";
import { type CliCommand, CliError, parseCli, printJson } from "../io.ts";

type Done = BackupHeader & { missing_files: Array<{ name: string; reason: string }>; online: boolean };

const command: CliCommand = async (argv) => {
  const { values, positionals } = parseCli(argv, { json: { type: "boolean" }, help: { type: "boolean", short: "h" } });
  if (values.help || positionals.length !== 1) {
    console.log(
      "Cách dùng: btnn backup TỆP [--json]\nSao lưu toàn bộ cơ sở dữ liệu (DATABASE_URL hoặc DATA_DIR) và các tệp tải lên (DATA_DIR/uploads) ra một tệp .jsonl.gz.\nKhi máy chủ đang chạy trên PGlite, bản sao lưu do chính máy chủ ghi (cùng định dạng).",
    );
    if (values.help) return 0;
    throw new CliError("cần đúng một tham số: đường dẫn tệp sao lưu");
  }
  const file = resolve(positionals[0]);
  const config = loadConfig();
  const done = await backupOffline(config, file).catch(async (e: unknown) => {
    if ((e as { code?: string }).code !== "database_locked" || config.databaseUrl)
      throw new CliError((e as Error).message);
    const control = readControlFile(config.dataDir);
    if (!control || !alive(control.pid))
      throw new CliError(
        `${(e as Error).message} (Không tìm thấy máy chủ BTNN đang chạy để sao lưu trực tuyến: thiếu hoặc cũ tệp DATA_DIR/btnn-control.json.)`,
      );
    return backupOnline(control, file);
  });
  const rows = done.tables.reduce((s, t) => s + t.rows, 0);
  if (values.json) printJson({ file, ...done });
  else {
    console.log(
      `Đã sao lưu ${rows} dòng của ${done.tables.length} bảng và ${done.uploads?.files ?? 0} tệp tải lên từ ${describeTarget(config)} vào ${file}${done.online ? " (qua máy chủ đang chạy)" : ""}.`,
    );
    for (const m of done.missing_files) console.error(`CẢNH BÁO: không sao lưu được tệp ${m.name}: ${m.reason}.`);
  }
  return 0;
};

async function backupOffline(config: Config, file: string): Promise<Done> {
  const database = await openConfiguredDatabase(config);
  try {
    const { manifest, ...header } = await backupDatabase(database, file, { uploadsDir: uploadsDir(config) });
    return { ...header, missing_files: manifest.missing, online: false };
  } finally {
    await database.close();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** POST /api/admin/backup on the running server; no client-side timeout (a large backup takes minutes). */
function backupOnline(control: ControlInfo, file: string): Promise<Done> {
  const body = JSON.stringify({ file });
  return new Promise((resolveDone, reject) => {
    const req = request(
      new URL("/api/admin/backup", control.url),
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${control.token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => {
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text);
          } catch {
            // reported below
          }
          if (res.statusCode === 200) resolveDone({ ...(json as unknown as Done), online: true });
          else
            reject(
              new CliError(
                `máy chủ đang chạy (pid ${control.pid}) từ chối sao lưu trực tuyến: ${String(json.error ?? `HTTP ${res.statusCode}`)}`,
              ),
            );
        });
      },
    );
    req.on("error", (e) =>
      reject(new CliError(`không liên lạc được với máy chủ đang chạy tại ${control.url}: ${e.message}`)),
    );
    req.end(body);
  });
}

export default command;
