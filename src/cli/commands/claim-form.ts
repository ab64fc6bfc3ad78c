// btnn claim form <mã vụ việc> <mẫu> --out FILE [--signer-title T --signer-name N]
// Lập biểu mẫu TT 04/2018 từ hồ sơ vụ việc trong cơ sở dữ liệu (cùng quy tắc với GET /api/claims/{id}/forms/{form}):
// lần đầu cấp số trong sổ văn bản đi của cơ quan giải quyết, lập lại giữ nguyên số.
import { writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { loadConfig } from "../../config.ts";
import { generateClaimForm } from "../../db/repositories/claim-forms.ts";
import { openConfiguredDatabase } from "../../db/runtime.ts";
import { claims } from "../../db/schema/index.ts";
import { CLAIM_FORM_CODES, parseClaimFormCode } from "../../documents/claim-forms.ts";
import { SYSTEM_SCOPE } from "../../domain/access/scope.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { CliError, parseCli } from "../io.ts";

export const CLAIM_FORM_HELP = `  btnn claim form <mã vụ việc> <mẫu> --out FILE.docx [--signer-title "CỤC TRƯỞNG" --signer-name "Họ tên"]
    mẫu: ${CLAIM_FORM_CODES.join(", ")} (số Mẫu …/BTNN của Thông tư 04/2018/TT-BTP)`;

export async function claimForm(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, {
    out: { type: "string" },
    "signer-title": { type: "string" },
    "signer-name": { type: "string" },
  });
  const [, claimCode, formArg, extra] = positionals;
  if (!claimCode) throw new CliError("thiếu mã vụ việc (ví dụ BT-2026-0007)");
  if (!formArg) throw new CliError(`thiếu số mẫu (${CLAIM_FORM_CODES.join(", ")})`);
  if (extra) throw new CliError(`tham số thừa: "${extra}"`);
  const form = parseClaimFormCode(formArg);
  if (!form) throw new CliError(`mẫu không được hỗ trợ "${formArg}"; chỉ nhận: ${CLAIM_FORM_CODES.join(", ")}`);
  if (!values.out) throw new CliError("thiếu --out FILE.docx");
  let database: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    database = await openConfiguredDatabase(loadConfig());
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  try {
    const [row] = await database.db.select({ id: claims.id }).from(claims).where(eq(claims.code, claimCode));
    if (!row) throw new CliError(`không tìm thấy vụ việc "${claimCode}"`);
    try {
      const r = await generateClaimForm(database.db, SYSTEM_SCOPE, row.id, form, {
        signer: { title: values["signer-title"], name: values["signer-name"] },
      });
      writeFileSync(values.out, r.bytes);
      console.log(
        `Đã lập ${r.form_code ?? form} số ${r.number}${r.number_recorded ? " (số đã ghi ở bước của vụ việc)" : r.reused_number ? " (số đã cấp trước, giữ nguyên)" : " (cấp số mới trong sổ văn bản đi)"} → ${values.out}`,
      );
      return 0;
    } catch (e) {
      if (isDomainError(e)) throw new CliError(`${e.field}: ${e.message}`);
      throw e;
    }
  } finally {
    await database.close();
  }
}
