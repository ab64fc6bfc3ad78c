// The audit trail's filters, as GET /api/audit and its export /api/exports/audit take them (see auditWhere).
import { z } from "zod";
import { IsoDateSchema } from "./common.ts";

export const AuditFilterFields = {
  entity: z.string().max(50).optional(),
  entity_id: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  actor_user_id: z.uuid().optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
};
