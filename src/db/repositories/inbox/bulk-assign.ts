// Bulk giao việc from the requests, tasks and claims lists: every id is checked (scope → 403, not open work of the
// agency → 422, each naming the id) before one transaction assigns them all — all or nothing. Assigning the same
// officer again changes nothing (idempotent); each change is audited and notified like a single assignment.
import { and, eq, inArray, min } from "drizzle-orm";
import type { Scope } from "../../../domain/access/scope.ts";
import {
  BULK_LIST_VI,
  type BulkList,
  CLAIM_ASSIGNMENT_KIND,
  INBOX_KIND_VI,
  type InboxKind,
} from "../../../domain/inbox/index.ts";
import { DomainError } from "../../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../../audit.ts";
import { claimDeadlines, claims } from "../../schema/index.ts";
import { requirePermission } from "../../scope.ts";
import type { AppDb } from "../../types.ts";
import { todayVn } from "../common.ts";
import { type AssignTarget, assignInTx, requireAssignee } from "./assign.ts";
import { requireVisibleIds, uniqueIds } from "./bulk-scope.ts";
import { INBOX_SOURCES } from "./sources.ts";

/** Inbox kinds whose items a list's record reaches (SourceItem.refs). */
const KINDS_OF: Readonly<Record<Exclude<BulkList, "claims">, InboxKind[]>> = {
  requests: ["request", "request_copy", "request_task", "urging_step", "request_sent"],
  tasks: ["request_task", "plan_task", "case_list"],
};

/** Open work of `agency` per record id of the list. */
async function targetsOf(
  db: AppDb,
  agency: string,
  list: BulkList,
  ids: readonly string[],
): Promise<Map<string, AssignTarget[]>> {
  const out = new Map<string, AssignTarget[]>();
  const add = (id: string, t: AssignTarget) => out.set(id, [...(out.get(id) ?? []), t]);
  if (list === "claims") {
    const rows = await db
      .select({ id: claims.id, code: claims.code, due: min(claimDeadlines.due) })
      .from(claims)
      .leftJoin(
        claimDeadlines,
        and(
          eq(claimDeadlines.claimId, claims.id),
          eq(claimDeadlines.kind, "deadline"),
          inArray(claimDeadlines.status, ["open", "overdue"]),
        ),
      )
      .where(and(inArray(claims.id, [...ids]), eq(claims.handlingAgencyId, agency), eq(claims.open, true)))
      .groupBy(claims.id, claims.code);
    for (const r of rows)
      add(r.id, {
        kind: CLAIM_ASSIGNMENT_KIND,
        id: r.id,
        title: `Vụ việc ${r.code}`,
        due: r.due,
        url: `/claims/${r.id}`,
        label: "Giải quyết vụ việc",
      });
    return out;
  }
  const wanted = new Set(ids);
  const today = todayVn();
  for (const kind of KINDS_OF[list])
    for (const it of await INBOX_SOURCES[kind](db, agency, today)) {
      const ref = it.refs[list];
      if (ref && wanted.has(ref))
        add(ref, { kind, id: it.id, title: it.title, due: it.due, url: it.url, label: INBOX_KIND_VI[kind] });
    }
  return out;
}

export async function bulkAssign(
  db: AppDb,
  scope: Scope,
  input: { list: BulkList; ids: string[]; assignee_id: string; reason?: string | null },
) {
  requirePermission(scope, "requests.write");
  const agency = scope.agencyId;
  if (!agency) throw new DomainError("forbidden", "", "Chưa chọn cơ quan làm việc.");
  const ids = uniqueIds(input.ids);
  await requireVisibleIds(db, scope, input.list, ids);
  await requireAssignee(db, agency, input.assignee_id);
  const targets = await targetsOf(db, agency, input.list, ids);
  const idle = ids.map((x, i) => [x, i] as const).filter(([x]) => !targets.has(x));
  if (idle.length)
    throw new DomainError(
      "not_assignable",
      `ids.${idle[0][1]}`,
      `${BULK_LIST_VI[input.list][0].toUpperCase()}${BULK_LIST_VI[input.list].slice(1)} ${idle
        .slice(0, 5)
        .map(([x]) => x)
        .join(
          ", ",
        )} không còn là việc đang mở của cơ quan bạn (đã xong, hoặc do cơ quan khác xử lý); không giao mục nào.`,
    );
  return db.transaction(async (tx) => {
    let changed = 0;
    let items = 0;
    for (const [i, id] of ids.entries())
      for (const t of targets.get(id) ?? []) {
        items++;
        if ((await assignInTx(tx, scope, agency, t, input.assignee_id, input.reason, `ids.${i}`)).changed) changed++;
      }
    if (changed)
      await appendAudit(tx, {
        ...auditActor(scope),
        action: "work.bulk_assign",
        entity: input.list,
        entity_id: null,
        after: { ids, assignee_id: input.assignee_id, changed },
      });
    return { list: input.list, records: ids.length, items, changed };
  });
}
