// /api/claims/import: take over existing claims from the XLSX template (backfill; claims.backfill). Download the
// template, fill it offline, upload it (.xlsx, or saved as .csv): 422 with one issue per bad cell (path
// /rows/<row>/<column>) and nothing written,
// or 201 with the register codes given to the imported claims; 409 for a file already imported (same bytes).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { claimImportTemplate, importClaimsFile } from "../../db/repositories/claim-import.ts";
import type { AppDb } from "../../db/types.ts";
import { XLSX_MIME } from "../../documents/index.ts";
import { formatViDateTime } from "../../domain/shared/dates.ts";
import { errorResponses } from "../contracts/common.ts";
import { HttpError } from "../http-error.ts";
import { scopeOf } from "../plugins/scope.ts";
import { acceptRawUploads, sendFile, UPLOAD_LIMIT } from "../uploads.ts";

export const claimImportRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  acceptRawUploads(app, ["application/octet-stream", XLSX_MIME, "text/csv"]);

  app.get(
    "/api/claims/import/template",
    {
      schema: {
        tags: ["Vụ việc"],
        summary: "Tải mẫu XLSX nhập vụ việc đã có (nhập bổ sung — backfill)",
        response: { 200: z.any(), ...errorResponses },
      },
      config: { access: { permission: "claims.backfill" } },
    },
    async (request, reply) =>
      sendFile(reply, "Mẫu nhập vụ việc BTNN.xlsx", XLSX_MIME, await claimImportTemplate(db, scopeOf(request))),
  );

  app.post(
    "/api/claims/import",
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ["Vụ việc"],
        summary:
          "Nhập vụ việc đã có từ tệp XLSX theo mẫu, hoặc tệp CSV lưu từ mẫu (thân yêu cầu là tệp): lỗi từng ô bằng tiếng Việt, không ghi gì cho đến khi mọi dòng hợp lệ; tệp đã nhập rồi → 409",
        response: { 201: z.object({ imported: z.number().int(), codes: z.array(z.string()) }), ...errorResponses },
      },
      config: { access: { permission: "claims.backfill" } },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new HttpError(
          415,
          "upload_body",
          "Cần gửi tệp .xlsx hoặc .csv (Content-Type: application/octet-stream)",
          [{ path: "", message: "Thân yêu cầu phải là nội dung tệp .xlsx hoặc .csv" }],
        );
      const r = await importClaimsFile(db, scopeOf(request), body);
      if (!r.ok && "duplicate" in r) {
        const d = r.duplicate;
        const message = `Tệp này đã được nhập lúc ${formatViDateTime(d.at)} (${d.count} vụ việc, ${d.first} … ${d.last}); không nhập lại để khỏi trùng vụ việc.`;
        throw new HttpError(409, "import_duplicate", message, [{ path: "/file", message }]);
      }
      if (!r.ok)
        throw new HttpError(
          422,
          "import_invalid",
          `Tệp có ${r.issues.length} lỗi; chưa nhập dòng nào. Sửa các ô được nêu rồi tải lên lại.`,
          r.issues.map((i) => ({ path: `/rows/${i.row}${i.column ? `/${i.column}` : ""}`, message: i.message })),
        );
      return reply.code(201).send({ imported: r.codes.length, codes: r.codes });
    },
  );
};
