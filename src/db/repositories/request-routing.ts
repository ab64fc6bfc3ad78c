// Requests routed by the coordination rules (issue 4): one transaction creates the request, a task for the lead agency
// and each coordinating agency, a copy (with read receipt) for each agency the clause forwards to, and notifies them.
import type { Scope } from "../../domain/access/scope.ts";
import { successorsOf } from "../../domain/agencies/registry.ts";
import { resolveRoleAgency } from "../../domain/coordination/index.ts";
import { REQUEST_KIND_VI, type RequestKind } from "../../domain/routing/index.ts";
import type { IsoDate } from "../../domain/shared/dates.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { type RoutingResult, requestCopies, requests, taskInstances } from "../schema/index.ts";
import type { AppDb } from "../types.ts";
import { agencyFacts } from "./agency-lookup.ts";
import { notFound, todayVn, toSnake } from "./common.ts";
import { insertNotifications } from "./notifications.ts";
import {
  checkNewRequest,
  newRequestValues,
  type RequestDto,
  type RequestInput,
  requireVisibleLinks,
} from "./requests.ts";

export type RoutedRequestResult = RequestDto & {
  tasks: Array<ReturnType<typeof toSnake<typeof taskInstances.$inferSelect>>>;
  copies: Array<ReturnType<typeof toSnake<typeof requestCopies.$inferSelect>>>;
};

export type RouteOut = {
  rule: string | null;
  clause?: string;
  lead?: string;
  coordinators?: string[];
  forward_to?: string[];
  basis?: string;
  [k: string]: unknown;
};

/**
 * Creates a request with its routing result and, when a clause applies: a task for the lead agency and one for each
 * coordinating agency (agencies resolved from the roles within the requester's province or nationwide), and a copy for
 * each agency the clause forwards to (with a read receipt), plus a notification to each of them. One transaction.
 */
export async function createRoutedRequest(
  db: AppDb,
  scope: Scope,
  input: RequestInput,
  routing: RouteOut,
  opts: { today?: IsoDate } = {},
): Promise<RoutedRequestResult> {
  // Recipient, lead, coordinators and copies are addressed by the routing rule, never checked against the scope.
  checkNewRequest(scope, input);
  const today = opts.today ?? todayVn();
  const facts = await agencyFacts(db);
  const byId = new Map(facts.map((a) => [a.id, a]));
  // A plan written before a reorganisation names an agency as it was ("Cục THADS tỉnh"): the request goes to the one
  // agency acting for it today, or it would wait in an inbox nobody reads.
  const acting = successorsOf(input.to_agency_id, today);
  if (acting.length === 1 && acting[0].id !== input.to_agency_id) input = { ...input, to_agency_id: acting[0].id };
  const from = byId.get(input.from_agency_id);
  const to = byId.get(input.to_agency_id);
  if (!from) throw notFound("cơ quan gửi", "from_agency_id");
  if (!to) throw notFound("cơ quan nhận", "to_agency_id");
  const resolve = (role: string) => resolveRoleAgency(role, { from, to }, facts, today)?.id ?? null;

  const stored = { ...routing } as RoutingResult;
  const unresolved: string[] = [];
  let leadId: string | null = null;
  const coordIds: string[] = [];
  const forwardIds: string[] = [];
  if (routing.rule) {
    leadId = routing.lead ? resolve(routing.lead) : null;
    if (routing.lead && !leadId) unresolved.push(routing.lead);
    for (const r of routing.coordinators ?? []) {
      const id = resolve(r);
      if (id && id !== leadId && !coordIds.includes(id)) coordIds.push(id);
      else if (!id) unresolved.push(r);
    }
    for (const r of routing.forward_to ?? []) {
      const id = resolve(r);
      if (id && id !== input.to_agency_id && !forwardIds.includes(id)) forwardIds.push(id);
      else if (!id) unresolved.push(r);
    }
    Object.assign(stored, {
      lead_agency_id: leadId,
      coordinator_agency_ids: coordIds,
      forward_to_agency_ids: forwardIds,
      unresolved_roles: [...new Set(unresolved)],
    });
  }

  return db.transaction(async (tx) => {
    await requireVisibleLinks(tx, scope, input);
    const forwarded = forwardIds.length > 0 && leadId !== null && forwardIds.includes(leadId);
    const [row] = await tx
      .insert(requests)
      .values({ ...newRequestValues(scope, input), routing: stored, status: forwarded ? "forwarded" : "open" })
      .returning();
    const kindVi = REQUEST_KIND_VI[input.kind as RequestKind] ?? input.kind;
    const taskRows: Array<typeof taskInstances.$inferInsert> = [];
    if (leadId)
      taskRows.push({
        requestId: row.id,
        agencyId: leadId,
        leadAgencyId: leadId,
        coordinatorAgencyIds: coordIds,
        title: `Chủ trì ${kindVi}: ${input.topic}`.slice(0, 1000),
        basis: routing.clause ?? null,
        due: input.due ?? null,
        status: "pending",
      });
    for (const c of coordIds)
      taskRows.push({
        requestId: row.id,
        agencyId: c,
        leadAgencyId: leadId,
        coordinatorAgencyIds: coordIds,
        title: `Phối hợp ${kindVi}: ${input.topic}`.slice(0, 1000),
        basis: routing.clause ?? null,
        due: input.due ?? null,
        status: "pending",
      });
    const tasks = taskRows.length ? await tx.insert(taskInstances).values(taskRows).returning() : [];
    const copies = forwardIds.length
      ? await tx
          .insert(requestCopies)
          .values(
            forwardIds.map((id) => ({
              requestId: row.id,
              fromAgencyId: input.to_agency_id,
              toAgencyId: id,
              purpose: id === leadId ? "forward" : "copy",
              rule: routing.rule ?? null,
              basis: routing.basis ?? null,
            })),
          )
          .returning()
      : [];
    // Addressed straight to an agency that got neither a task nor a copy: it is told too (work arrives).
    const reached = new Set([...tasks.map((t) => t.agencyId), ...copies.map((c) => c.toAgencyId)]);
    const direct =
      !forwarded && !reached.has(input.to_agency_id)
        ? [
            {
              key: `request_received:${row.id}`,
              agency_id: input.to_agency_id,
              kind: "request_received",
              title: `${kindVi}: ${input.topic}`.slice(0, 500),
              body: routing.clause ? `Theo ${routing.clause}.` : null,
              entity: "request",
              entity_id: row.id,
              due: input.due ?? null,
              url: `/requests?box=inbox&open=${row.id}`,
            },
          ]
        : [];
    await insertNotifications(tx, [
      ...direct,
      ...copies.map((c) => ({
        key: `request_copy:${c.id}`,
        agency_id: c.toAgencyId,
        kind: c.purpose === "forward" ? "request_forwarded" : "request_copied",
        title:
          c.purpose === "forward"
            ? `Văn bản chuyển đến để giải quyết: ${input.topic}`.slice(0, 500)
            : `Văn bản sao gửi để phối hợp theo dõi: ${input.topic}`.slice(0, 500),
        body: routing.clause ? `Theo ${routing.clause}.` : null,
        entity: "request",
        entity_id: row.id,
        url: `/requests?box=inbox&open=${row.id}`,
      })),
      ...tasks.map((t) => ({
        key: `task_assigned:${t.id}`,
        agency_id: t.agencyId,
        kind: "task_assigned",
        title: (t.title ?? "Nhiệm vụ mới").slice(0, 500),
        body: routing.clause ? `Theo ${routing.clause}.` : null,
        entity: "task_instance",
        entity_id: t.id,
        due: t.due,
        url: `/requests?box=inbox&open=${row.id}`,
      })),
    ]);
    const { searchText: _s, ...rest } = row;
    const out = {
      ...toSnake(rest),
      tasks: tasks.map((t) => toSnake(t)),
      copies: copies.map((c) => toSnake(c)),
    };
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "request.create",
      entity: "request",
      entity_id: row.id,
      after: {
        ...toSnake(rest),
        task_ids: tasks.map((t) => t.id),
        copies: copies.map((c) => ({ to: c.toAgencyId, purpose: c.purpose })),
      },
    });
    return out;
  });
}
