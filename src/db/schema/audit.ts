// Append-only, hash-chained audit log. hash = sha256(prev_hash + canonical JSON of the row); audit_head holds the last
// seq and hash so that deleting the newest rows is detected too. A trigger (migration 0001) rejects UPDATE/DELETE/TRUNCATE.
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorAgencyId: text("actor_agency_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_at_idx").on(t.at)],
);

/** Single row (id = 1): the chain's head. Updated in the same transaction as each append (serialises appenders). */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});
