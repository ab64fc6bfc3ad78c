// POST /api/admin/backup — online backup through the running server (issue 13 finding 9). The embedded PGlite folder
// is locked by the server, so `btnn backup FILE` asks the server to write the backup instead: same function, same
// file format as an offline backup. Authorised by the bearer token of DATA_DIR/btnn-control.json (0600, written by
// `btnn serve`), i.e. by being the account that runs BTNN on this machine — not by a user session. Without a token
// (tests, an app built in process) every call is refused.
import { timingSafeEqual } from "node:crypto";
import { isAbsolute } from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { backupDatabase } from "../../db/backup.ts";
import type { Database } from "../../db/types.ts";
import { errorResponses } from "../contracts/common.ts";
import { HttpError } from "../http-error.ts";

const Body = z
  .object({
    file: z.string().min(2).max(4096).refine(isAbsolute, "Cần đường dẫn tuyệt đối của tệp sao lưu trên máy chủ"),
  })
  .strict();

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "");
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export const adminBackupRoutes: FastifyPluginAsyncZod<{
  database: Database;
  uploadsDir?: string;
  controlToken?: string;
}> = async (app, opts) => {
  app.post(
    "/api/admin/backup",
    {
      schema: {
        tags: ["Quản trị"],
        summary:
          "Sao lưu trực tuyến khi máy chủ đang chạy (dùng bởi lệnh btnn backup; xác thực bằng mã trong DATA_DIR/btnn-control.json)",
        body: Body,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
      // Not a session route: the control token below is the credential (checked before anything is read).
      config: { access: "public", idempotency: false },
    },
    async (request) => {
      if (!opts.controlToken || !tokenMatches(request.headers.authorization, opts.controlToken))
        throw new HttpError(
          401,
          "control_token",
          "Cần mã điều khiển của máy chủ (tệp btnn-control.json trong DATA_DIR, chỉ tài khoản chạy BTNN đọc được)",
          [{ path: "/headers/authorization", message: "Thiếu hoặc sai mã điều khiển" }],
        );
      const { manifest, ...header } = await backupDatabase(opts.database, request.body.file, {
        uploadsDir: opts.uploadsDir,
        via: "online",
      });
      return { file: request.body.file, ...header, missing_files: manifest.missing };
    },
  );
};
