// `btnn` command line. Each command lives in its own module under commands/ and is loaded on demand,
// so `btnn lunar` does not pay for the database or HTTP stack.
import "./module-loading.ts";
import { type CliCommand, CliError } from "./io.ts";

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: CliCommand }> }> = {
  lunar: { summary: "Đổi ngày dương lịch ↔ âm lịch Việt Nam", load: () => import("./commands/lunar.ts") },
  calendar: { summary: "Ngày nghỉ lễ, cộng ngày làm việc/ngày lịch", load: () => import("./commands/calendar.ts") },
  claim: {
    summary: "Tính thời hạn giải quyết bồi thường từ lịch sử sự kiện",
    load: () => import("./commands/claim.ts"),
  },
  route: {
    summary: "Xác định cơ quan chủ trì/phối hợp theo điều khoản kế hoạch",
    load: () => import("./commands/route.ts"),
  },
  params: {
    summary: "Tham số pháp lý (thời hạn) với căn cứ và độ tin cậy",
    load: () => import("./commands/params.ts"),
  },
  plan: {
    summary: "Nhập kế hoạch (.docx/.md/.txt) thành nhiệm vụ có theo dõi",
    load: () => import("./commands/plan.ts"),
  },
  serve: { summary: "Chạy máy chủ API + giao diện web", load: () => import("./commands/serve.ts") },
  migrate: { summary: "Chạy migration cơ sở dữ liệu", load: () => import("./commands/migrate.ts") },
  seed: { summary: "Nạp dữ liệu mẫu / sinh dữ liệu tổng hợp", load: () => import("./commands/seed.ts") },
  audit: { summary: "Kiểm tra chuỗi nhật ký kiểm toán", load: () => import("./commands/audit.ts") },
  "case-list": {
    summary: "Danh mục vụ việc định kỳ (KH 2021 mục II.1.1, II.1.2)",
    load: () => import("./commands/case-list.ts"),
  },
  backup: { summary: "Sao lưu cơ sở dữ liệu ra tệp", load: () => import("./commands/backup.ts") },
  restore: { summary: "Khôi phục cơ sở dữ liệu từ tệp", load: () => import("./commands/restore.ts") },
};

function usage(): string {
  const lines = ["Cách dùng: btnn <lệnh> [tham số] [--json]", "", "Các lệnh:"];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push("", "Xem chi tiết: btnn <lệnh> --help");
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  // Everything a command creates (database files, uploads, backups, the control token) is for this account only.
  process.umask(0o077);
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`Lỗi: lệnh không tồn tại "${name}". Chạy "btnn --help" để xem danh sách lệnh.`);
    return 2;
  }
  let mod: { default: CliCommand };
  try {
    mod = await entry.load();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") {
      console.error(`Lỗi: lệnh "${name}" chưa được cài đặt trong phiên bản này.`);
      return 2;
    }
    throw e;
  }
  try {
    return (await mod.default(rest)) ?? 0;
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`Lỗi: ${e.message}`);
      return e.exitCode;
    }
    // Configuration and database-opening errors carry a Vietnamese message for the operator: one line, exit 2
    // (checked by code so this entry point does not load the configuration module for every command).
    const code = (e as { code?: unknown } | null)?.code;
    if (
      e instanceof Error &&
      (code === "config_invalid" || code === "database_connect" || code === "database_locked")
    ) {
      console.error(`Lỗi: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
