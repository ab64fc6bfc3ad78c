// Set-up shared by the issue-13 access-finding suites (one file per finding or family of findings, beside this one):
// on each engine, the hostile fixture with the agency admin and an officer of Sở Tư pháp Thanh Hóa signed in, the
// database state a refusal must leave unchanged, and accounts created by the system (not through the API).
import { after, before, describe } from "node:test";
import { hash } from "@node-rs/argon2";
import { memberships, users } from "../../../src/db/schema/index.ts";
import { availableEngines } from "../../../src/db/testing.ts";
import {
  type Client,
  type HostileFixture,
  hostileFixture,
  PASSWORD,
  signedIn,
  tableCounts,
  versionSum,
} from "../fixture.ts";

export type FindingsContext = {
  fx: HostileFixture;
  /** agency_admin at Sở Tư pháp Thanh Hóa (province scope). */
  admin: Client;
  /** officer at Sở Tư pháp Thanh Hóa. */
  officer: Client;
  /** Row counts and version sum of the main tables: a refusal leaves them unchanged. */
  state(): Promise<{ rows: Record<string, number>; versions: number }>;
  /** A user with the fixture password and the given memberships (created by the system, not through the API). */
  userWith(username: string, ms: Array<[string, string]>, mustChange?: boolean): Promise<string>;
};

/** Runs `define` once per engine inside the suite every access-finding file shares; the context is filled in before
 * the first test runs, so tests read `t.fx`, `t.admin`, `t.officer` inside their bodies. */
export function accessFindings(define: (t: FindingsContext) => void): void {
  for (const engine of availableEngines()) {
    describe(`Kiểm soát truy cập, vòng 2 (issue 13) — ${engine}`, () => {
      const t = {
        state: async () => ({ rows: await tableCounts(t.fx.database), versions: await versionSum(t.fx.database) }),
        async userWith(username, ms, mustChange = false) {
          const db = t.fx.database.db;
          const [u] = await db
            .insert(users)
            .values({
              username,
              fullName: `Người dùng ${username}`,
              passwordHash: await hash(PASSWORD),
              mustChangePassword: mustChange,
            })
            .returning({ id: users.id });
          for (const [agencyId, role] of ms) await db.insert(memberships).values({ userId: u.id, agencyId, role });
          return u.id;
        },
      } as FindingsContext;

      before(async () => {
        t.fx = await hostileFixture(engine);
        t.admin = await signedIn(t.fx.app, "agency_admin");
        t.officer = await signedIn(t.fx.app, "officer");
      });
      after(() => t.fx.close());
      define(t);
    });
  }
}
