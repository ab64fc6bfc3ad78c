// A statement prepared once whose rows the caller maps itself. drizzle's own mapping of a select (a decoder call and
// path walk per field) cost more Node time than the whole rest of a 20-row claim list (issue 16): here the driver's
// rows arrive as arrays, in the select's column order, and one function turns each into what the caller returns.
// Both drivers read timestamps and dates as text here, as in every drizzle query.
import type { SQL } from "drizzle-orm";
import type { AppDb } from "./types.ts";

type Prepared<T> = { execute(values: Record<string, unknown>): Promise<T[]> };
type Session = {
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string,
    arrayMode: true,
    mapper: (rows: unknown[][]) => unknown[],
  ): Prepared<unknown>;
};

/** `query` (a drizzle select with placeholders) prepared as `name`; every row goes through `map`. */
export function prepareRows<T>(
  db: AppDb,
  query: { toSQL(): { sql: string; params: unknown[] }; getSQL(): SQL },
  name: string,
  map: (row: unknown[]) => T,
): Prepared<T> {
  const session = (db as unknown as { _: { session: Session } })._.session;
  return session.prepareQuery(query.toSQL(), undefined, name, true, (rows) => rows.map(map)) as Prepared<T>;
}
