// Markdown rendering of the rule table (docs/routing.md, `btnn route --help`). Pure.

import { ROLE_INFO } from "../agencies/roles.ts";
import { OUTPUT_VI, ROUTING_RULES, type RoleRef, type RoutingRule } from "./rules.ts";
import { REQUEST_KIND_VI } from "./situation.ts";

function ref(r: RoleRef): string {
  if (r === "$from") return "bên gửi (from_role)";
  if (r === "$to") return "bên nhận (to_role)";
  return `\`${r}\``;
}

function refs(list: readonly RoleRef[]): string {
  return list.length === 0 ? "—" : list.map(ref).join(", ");
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** One table row per rule: id, clause and basis, kind, conditions, lead, coordinators, forward, output. */
export function renderRuleTableMarkdown(rules: readonly RoutingRule[] = ROUTING_RULES): string {
  const lines = [
    "| Quy tắc / Rule | Căn cứ / Basis | Loại / Kind | Điều kiện / Conditions | Chủ trì / Lead | Phối hợp / Coordinators | Chuyển / Forward to | Gửi / Recipients | Kết quả / Output |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rules) {
    lines.push(
      `| \`${r.id}\`<br>${cell(r.title_vi)}<br>*${cell(r.title_en)}* | ${cell(r.basis)} | \`${r.kind}\` (${REQUEST_KIND_VI[r.kind]}) | ${cell(
        r.conditions.map((c) => `${c.vi} (\`${c.key}\`)`).join("; "),
      )} | ${ref(r.lead)} | ${refs(r.coordinators)} | ${refs(r.forward_to)} | ${refs(r.recipients)} | \`${r.output}\` (${OUTPUT_VI[r.output]}) |`,
    );
  }
  return lines.join("\n");
}

/** Role codes with their Vietnamese labels. */
export function renderRoleTableMarkdown(): string {
  const lines = ["| Mã / Code | Tên / Label | Sau 2025 / Since 2025 |", "|---|---|---|"];
  for (const info of Object.values(ROLE_INFO)) {
    lines.push(`| \`${info.code}\` | ${info.label_vi} | ${info.since_2025_vi ?? ""} |`);
  }
  return lines.join("\n");
}
