// btnn case-list --kind half_year_2017|quarter_2009 --period 2026-H1|2026-Q2 [--as-of YYYY-MM-DD] [--agency ID]
//                 [--save] [--json] [--xlsx FILE]
// Periodic case lists of KH 2021 mục II.1.1 / II.1.2 from the local database (PGlite in DATA_DIR, under its lock, or
// DATABASE_URL). Shows the stored snapshot when the agency already drew up that period; otherwise computes the list as
// of the date (default today) and, with --save, stores it as an immutable snapshot.
import { writeFileSync } from "node:fs";
import { loadConfig } from "../../config.ts";
import { agencyNames } from "../../db/repositories/agency-lookup.ts";
import { createCaseListSnapshot, findCaseListSnapshot, previewCaseList } from "../../db/repositories/case-lists.ts";
import { todayVn } from "../../db/repositories/common.ts";
import { describeTarget, openConfiguredDatabase } from "../../db/runtime.ts";
import { SYSTEM_SCOPE } from "../../domain/access/scope.ts";
import { CASE_LIST_KINDS, CASE_LIST_RULES, type CaseListKind, parsePeriod } from "../../domain/case-lists/index.ts";
import { isDomainError } from "../../domain/shared/errors.ts";
import { caseListXlsx } from "../../reports/case-lists.ts";
import { type CliCommand, CliError, parseCli, printJson } from "../io.ts";

const HELP = `Cách dùng: btnn case-list --kind half_year_2017|quarter_2009 --period 2026-H1|2026-Q2 [--as-of YYYY-MM-DD]
                      [--agency ID] [--save] [--json] [--xlsx TỆP]
Danh mục vụ việc định kỳ: half_year_2017 = KH 2021 mục II.1.1 (6 tháng, Luật TNBTCNN 2017, kỳ dạng YYYY-H1/H2);
quarter_2009 = KH 2021 mục II.1.2 (quý, vụ việc phức tạp/tồn đọng/kéo dài theo Luật 2009, kỳ dạng YYYY-Q1…Q4).
Mặc định: cơ quan lập là Cục Bồi thường nhà nước (cuc-btnn), ngày chốt là hôm nay. Danh mục đã lưu được in nguyên như lúc chốt.
--save lưu danh mục (không sửa được về sau). Cơ sở dữ liệu: DATABASE_URL hoặc DATA_DIR (PGlite, mặc định ./data).`;

const command: CliCommand = async (argv) => {
  const { values } = parseCli(
    argv,
    {
      kind: { type: "string" },
      period: { type: "string" },
      "as-of": { type: "string" },
      agency: { type: "string" },
      save: { type: "boolean" },
      json: { type: "boolean" },
      xlsx: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const kind = values.kind as CaseListKind | undefined;
  if (!kind || !(CASE_LIST_KINDS as readonly string[]).includes(kind))
    throw new CliError(`--kind phải là một trong: ${CASE_LIST_KINDS.join(", ")}`);
  if (!values.period) throw new CliError("thiếu --period (ví dụ 2026-H1 hoặc 2026-Q2)");
  const agencyId = values.agency ?? "cuc-btnn";
  let period: ReturnType<typeof parsePeriod>;
  try {
    period = parsePeriod(kind, values.period);
  } catch (e) {
    if (isDomainError(e)) throw new CliError(e.message);
    throw e;
  }
  const asOf = values["as-of"] ?? todayVn();
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    database = await openConfiguredDatabase(config);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  try {
    const db = database.db;
    let list = await findCaseListSnapshot(db, SYSTEM_SCOPE, kind, period.code, agencyId);
    let stored = list !== null;
    if (!list) {
      try {
        list = values.save
          ? await createCaseListSnapshot(db, SYSTEM_SCOPE, {
              kind,
              period: period.code,
              as_of: asOf,
              agency_id: agencyId,
            })
          : ((await previewCaseList(db, SYSTEM_SCOPE, {
              kind,
              period: period.code,
              as_of: asOf,
              agency_id: agencyId,
            })) as unknown as NonNullable<typeof list>);
        stored = !!values.save;
      } catch (e) {
        if (isDomainError(e)) throw new CliError(e.message);
        throw e;
      }
    }
    if (values.xlsx) {
      const name = (await agencyNames(db, [agencyId])).get(agencyId)?.name ?? agencyId;
      writeFileSync(values.xlsx, await caseListXlsx(list, name));
    }
    if (values.json) printJson({ ...list, stored });
    else {
      const rule = CASE_LIST_RULES[kind];
      console.log(`${rule.title_vi} — ${period.label} (${rule.clause})`);
      console.log(
        `Cơ quan lập: ${agencyId}; ngày chốt ${list.as_of}; ${stored ? "danh mục đã lưu" : "xem trước (chưa lưu; thêm --save để lưu)"} — ${describeTarget(config)}`,
      );
      console.log(
        `Tổng số: ${list.total} vụ việc (mới: ${list.new_count}; kỳ trước chuyển sang: ${list.carried_over_count})`,
      );
      list.rows.forEach((r, i) => {
        console.log(
          `${String(i + 1).padStart(3)}. ${r.claim_code}  ${r.claimant}  ${r.handling_agency}  thụ lý ${r.accepted_on ?? "?"}  ${r.origin === "new" ? "mới" : "chuyển sang"}`,
        );
      });
      if (values.xlsx) console.log(`Đã ghi tệp ${values.xlsx}`);
    }
    return 0;
  } finally {
    await database.close();
  }
};

export default command;
