// Public portal content (src/domain/public-content): every edit by the Cục BTNN is a new row (key, version) — the
// history is kept, nothing is rewritten; the portal serves the highest version of each key over the built-in defaults.
import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";

export const publicContent = pgTable(
  "public_content",
  {
    key: text("key").notNull(),
    version: integer("version").notNull(),
    page: text("page").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    sources: jsonb("sources").$type<string[]>().notNull(),
    unverified: boolean("unverified").notNull().default(false),
    hidden: boolean("hidden").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);
