// AUTHORIZATION MATRIX: every registered route × every role (and anonymous) × an object inside / outside the
// caller's agency scope → the expected status. The four roles act for Sở Tư pháp Thanh Hóa (province scope);
// "in" objects belong to Thanh Hóa agencies, "out" objects to Hà Nội; system_admin sees everything.
// Rule: out-of-scope object → 404 (existence not revealed); role without the permission → 403; acting for an
// agency outside the scope (create/allocate for it) → 403; no session → 401. A route without a row FAILS the test.
//
// The rows are data, one module per area in ./authz-matrix/ (claims.ts, plans.ts, public.ts, …, gathered in index.ts):
// a new route gets its row (expected statuses + how to call it) in the module of its area.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hasPermission, type Permission } from "../../src/domain/access/permissions.ts";
import type { Access } from "../../src/http/types.ts";
import { AREAS } from "./authz-matrix/index.ts";
import { type Call, ROLES, type Role, type Row, USERNAME } from "./authz-matrix/matrix.ts";
import { ENGINE, fx, SCALE, setUpMatrix } from "./authz-matrix/objects.ts";
import { Client, signedIn } from "./helpers.ts";

const MATRIX: Record<string, Row> = {};
/** How to call each route for an object in or out of scope (fresh state where a call changes it). */
const CALLS: Record<string, Call> = {};
/** Routes listed in more than one area (or twice): the later row would silently replace the earlier one. */
const listedTwice: string[] = [];
for (const area of Object.values(AREAS))
  for (const [key, { expect, call }] of Object.entries(area)) {
    if (key in MATRIX) listedTwice.push(key);
    MATRIX[key] = expect;
    CALLS[key] = call;
  }

const registered = new Set<string>();
/** Each route's declared access rule (config.access), to check the matrix against the role table. */
const accessOf = new Map<string, Access | undefined>();
const clients = new Map<Role, Client>();

before(async () => {
  await setUpMatrix((r) => {
    for (const m of ([] as string[]).concat(r.method)) {
      registered.add(`${m} ${r.url}`);
      accessOf.set(`${m} ${r.url}`, r.access);
    }
  });
  for (const role of ROLES) clients.set(role, await signedIn(fx.app, USERNAME[role]));
});
after(() => fx.close());

describe(`Ma trận phân quyền: mọi đường dẫn × vai trò × trong/ngoài phạm vi${SCALE ? ` (dữ liệu ${SCALE}×, ${ENGINE ?? "mặc định"})` : ""}`, () => {
  test("mọi đường dẫn đã đăng ký đều có dòng trong ma trận (thêm route mới phải thêm dòng)", () => {
    const missing = [...registered].filter((k) => !(k in MATRIX)).sort();
    assert.deepEqual(missing, [], `Đường dẫn chưa có trong ma trận phân quyền: ${missing.join(", ")}`);
    const stale = Object.keys(MATRIX).filter((k) => !registered.has(k));
    assert.deepEqual(stale, [], `Dòng ma trận không ứng với đường dẫn nào: ${stale.join(", ")}`);
    for (const k of Object.keys(MATRIX)) assert.ok(CALLS[k], `Thiếu cách gọi cho ${k}`);
    assert.deepEqual(listedTwice, [], `Đường dẫn có hai dòng trong ma trận: ${listedTwice.join(", ")}`);
  });

  // Issue 13 finding 7: a permission declared on a route but never enforced (claims.export) went unnoticed because the
  // matrix row said 200 for everyone. Each row must now agree with the route's declared rule and the role table.
  test("finding 7: every route's permission appears in the matrix — roles without it are refused (403) in and out of scope", () => {
    const wrong: string[] = [];
    for (const [key, access] of accessOf) {
      const expected = MATRIX[key];
      if (!expected) continue; // reported by the test above
      if (access === undefined || access === "public") continue;
      if (expected.anonymous !== 401) wrong.push(`${key}: anonymous ${expected.anonymous} ≠ 401`);
      if (access === "authenticated") continue;
      for (const role of ROLES)
        if (!hasPermission([role], access.permission as Permission) && expected[role].some((s) => s !== 403))
          wrong.push(`${key}: ${role} has no ${access.permission} but the matrix expects ${expected[role].join("/")}`);
    }
    assert.deepEqual(wrong, []);
  });

  for (const key of Object.keys(MATRIX)) {
    test(key, async () => {
      const expected = MATRIX[key];
      const failures: string[] = [];
      // Anonymous: no cookies at all.
      const anon = await CALLS[key]("in");
      const ra = await new Client(fx.app).request({
        method: anon.method,
        url: anon.url,
        payload: anon.payload as never,
        headers: anon.headers,
      });
      if (ra.statusCode !== expected.anonymous)
        failures.push(`anonymous: ${ra.statusCode} ≠ ${expected.anonymous} ${ra.body.slice(0, 200)}`);
      for (const role of ROLES) {
        for (const [i, target] of (["in", "out"] as const).entries()) {
          const call = await CALLS[key](target);
          const client = call.fresh ? await signedIn(fx.app, USERNAME[role]) : clients.get(role)!;
          const r = await client.request({
            method: call.method,
            url: call.url,
            payload: call.payload as never,
            headers: call.headers,
          });
          const want = expected[role][i];
          if (r.statusCode !== want)
            failures.push(`${role}/${target}: ${r.statusCode} ≠ ${want} ${r.body.slice(0, 200)}`);
          if (r.statusCode >= 400) {
            const b = r.json();
            if (typeof b.error !== "string" || !Array.isArray(b.issues))
              failures.push(`${role}/${target}: error body shape`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
