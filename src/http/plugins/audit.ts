// Audit helpers for routes: who (session user + acting agency), which request (request id), what.
// The row itself is written by the db layer (appendAudit, hash-chained) in the same transaction as the change.
import type { FastifyRequest } from "fastify";
import { type AuditInput, appendAudit } from "../../db/audit.ts";
import type { AppDb } from "../../db/types.ts";
import { markWrite } from "./response-cache.ts";

export type AuditWhat = Omit<AuditInput, "actor_user_id" | "actor_agency_id" | "request_id">;

/** The audit row for this request: actor from the session, request id from Fastify. The request is marked as a
 * write (a read that audits is never served from or stored in the response cache). */
export function auditInput(request: FastifyRequest, what: AuditWhat): AuditInput {
  markWrite(request);
  return {
    actor_user_id: request.auth?.userId ?? null,
    actor_agency_id: request.auth?.agencyId ?? null,
    request_id: request.id,
    ...what,
  };
}

/** Appends one audit row for this request inside `tx` (call it last in the transaction). */
export async function audit(tx: AppDb, request: FastifyRequest, what: AuditWhat): Promise<void> {
  await appendAudit(tx, auditInput(request, what));
}
