// Agencies as plain facts for readers outside the agency registry: the role resolver's facts (routing, plan executors)
// and display names with the parent's name (letters, exports, case lists).
import { inArray } from "drizzle-orm";
import type { AgencyFacts } from "../../domain/coordination/index.ts";
import { agencies } from "../schema/index.ts";
import type { AppDb } from "../types.ts";

export async function agencyFacts(db: AppDb): Promise<AgencyFacts[]> {
  const rows = await db
    .select({
      id: agencies.id,
      role: agencies.role,
      province_code: agencies.provinceCode,
      valid_from: agencies.validFrom,
      valid_to: agencies.validTo,
      name: agencies.name,
    })
    .from(agencies);
  return rows;
}

export async function agencyNames(
  db: AppDb,
  ids: string[],
): Promise<Map<string, { name: string; parent: string | null; role: string; province_code: string | null }>> {
  const out = new Map<string, { name: string; parent: string | null; role: string; province_code: string | null }>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      parentId: agencies.parentId,
      role: agencies.role,
      pc: agencies.provinceCode,
    })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  const parents = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      inArray(
        agencies.id,
        rows
          .map((r) => r.parentId)
          .filter((x): x is string => !!x)
          .concat([""]),
      ),
    );
  const pn = new Map(parents.map((p) => [p.id, p.name]));
  for (const r of rows)
    out.set(r.id, {
      name: r.name,
      parent: r.parentId ? (pn.get(r.parentId) ?? null) : null,
      role: r.role,
      province_code: r.pc,
    });
  return out;
}
