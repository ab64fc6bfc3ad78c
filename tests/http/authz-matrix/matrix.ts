// The shape of the authorization matrix (tests/http/authz-matrix.test.ts runs it): for each route, the expected status
// per role for an object inside / outside the caller's scope, and how to call the route. Rows live in one module per
// area beside this one (claims.ts, plans.ts, …) and are gathered in ./index.ts.
//
// Rule: out-of-scope object → 404 (existence not revealed); role without the permission → 403; acting for an
// agency outside the scope (create/allocate for it) → 403; no session → 401.

export type Target = "in" | "out";
export type Req = { method: string; url: string; payload?: unknown; fresh?: boolean; headers?: Record<string, string> };
export type Role = "system_admin" | "agency_admin" | "officer" | "viewer";
export const ROLES: Role[] = ["system_admin", "agency_admin", "officer", "viewer"];
export const USERNAME: Record<Role, string> = {
  system_admin: "sysadmin",
  agency_admin: "agency_admin",
  officer: "officer",
  viewer: "viewer",
};

/** [in-scope, out-of-scope] expected status. */
export type Pair = [number, number];
export type Row = { anonymous: number } & Record<Role, Pair>;
/** How to call a route for an object in or out of scope (fresh state where a call changes it). */
export type Call = (t: Target) => Promise<Req> | Req;
/** One route of the matrix: "METHOD /url" as registered → what each role gets, and how it is called. */
export type Area = Record<string, { expect: Row; call: Call }>;

export const all = (s: number): Pair => [s, s];
/** Public routes: the same answer for everyone. */
export const pub = (s: number): Row => ({
  anonymous: s,
  system_admin: all(s),
  agency_admin: all(s),
  officer: all(s),
  viewer: all(s),
});
export const row = (sa: Pair, aa: Pair, of: Pair, vw: Pair): Row => ({
  anonymous: 401,
  system_admin: sa,
  agency_admin: aa,
  officer: of,
  viewer: vw,
});

// Shorthands for the common shapes.
export const READ_SCOPED = row([200, 200], [200, 404], [200, 404], [200, 404]); // read one object
export const WRITE_SCOPED = (ok: number) => row([ok, ok], [ok, 404], [ok, 404], [403, 403]); // change one object
export const CREATE_FOR_AGENCY = (ok: number) => row([ok, ok], [ok, 403], [ok, 403], [403, 403]); // act for an agency
export const LIST = row(all(200), all(200), all(200), all(200));
export const ADMIN_ONLY = (ok: number) => row([ok, ok], all(403), all(403), all(403));
export const USERS_READ = row([200, 200], [200, 404], all(403), all(403));
export const USERS_WRITE = (ok: number) => row([ok, ok], [ok, 404], all(403), all(403));
