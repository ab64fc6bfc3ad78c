// Fuzzing every API body schema (issue 7 §3). The routes with a JSON body and their schemas come from the OpenAPI
// document (/api/openapi.json, generated from the zod schemas attached to the routes). For each route, as the system
// administrator with a valid CSRF token: (a) random JSON values, (b) a valid-looking body generated from the schema
// with ONE field mangled (wrong type, huge string, deep nesting, NUL / lone surrogate / RTL text, prototype-pollution
// keys, unknown extra field). Never a 5xx; a 4xx has the Vietnamese error shape, a 400 names the mangled field, and
// nothing was written (row counts of the main tables and row versions unchanged). Fixed seed, few runs per route;
// the seed and the failing request are printed by fast-check on failure.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { availableEngines, type Engine } from "../../src/db/testing.ts";
import {
  assertErrorShape,
  type Client,
  createObjects,
  type HostileFixture,
  hostileFixture,
  type Objects,
  signedIn,
  tableCounts,
  versionSum,
} from "./fixture.ts";

const SEED = 20261126;
const RUNS_RANDOM = 5;
const RUNS_MANGLED = 8;

type JsonSchema = {
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
};

type BodyRoute = { method: string; path: string; schema: JsonSchema };

const AGENCIES = ["stp-thanh-hoa", "thads-thanh-hoa", "phong-thads-kv-tp-thanh-hoa", "cuc-btnn"];

/** A valid-looking value for `schema` (the field name steers ids and dates to plausible values). */
function arb(schema: JsonSchema, key: string, ctx: Ctx, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arb(ctx.resolve(schema.$ref), key, ctx, depth);
  const base = arbInner(schema, key, ctx, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

type Ctx = { resolve(ref: string): JsonSchema; objects: Objects };

function arbInner(s: JsonSchema, key: string, ctx: Ctx, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => arb(a, key, ctx, depth)));
  if (s.allOf?.length) return arb(s.allOf[0], key, ctx, depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const props = s.properties ?? {};
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) rec[k] = arb(v, k, ctx, depth + 1);
      if (Object.keys(rec).length === 0) {
        if (s.additionalProperties && typeof s.additionalProperties === "object" && depth < 3)
          return fc.dictionary(
            fc.constantFrom("a", "I.1", "II", "x"),
            arb(s.additionalProperties, key, ctx, depth + 1),
            { maxKeys: 2 },
          );
        return fc.constant({});
      }
      return fc.record(rec, { requiredKeys: s.required ?? [] });
    }
    case "array": {
      const item = s.items ? arb(s.items, key.replace(/s$/, ""), ctx, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      const min = s.minItems ?? 0;
      return fc.array(item, { minLength: min, maxLength: Math.min(s.maxItems ?? 3, min + 2) });
    }
    case "integer":
    case "number": {
      if (key === "version") return fc.constant(1);
      if (key === "year") return fc.integer({ min: 2019, max: 2026 });
      const min = s.minimum ?? -1000;
      const max = Math.min(s.maximum ?? 1e12, min + 1e12);
      return type === "integer"
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
    }
    case "boolean":
      return fc.boolean();
    case "string":
      return stringArb(s, key, ctx);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArb(s: JsonSchema, key: string, ctx: Ctx): fc.Arbitrary<string> {
  const o = ctx.objects;
  if (/agency_id$|agency_ids$|^agency$|_agency$/.test(key)) return fc.constantFrom(...AGENCIES);
  if (s.format === "date" || /(^|_)(date|on|from|to|due|as_of|deadline)$/.test(key))
    return fc
      .date({ min: new Date("2019-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === "uuid")
    return fc.constantFrom(
      o.claim,
      o.plan,
      o.task,
      o.instance,
      o.request,
      o.meeting,
      "00000000-0000-4000-8000-000000000000",
    );
  if (s.format === "email") return fc.constantFrom("can.bo@stp.thanhhoa.gov.vn", "a@b.vn");
  if (s.format === "date-time") return fc.constant("2024-03-01T08:00:00.000Z");
  if (key === "template_id") return fc.constantFrom("quick-figures", "khong-co");
  if (key === "set_id") return fc.constantFrom("qd-3062-2019", "khong-co");
  if (s.pattern && s.pattern.length < 80) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 1000));
    } catch {
      /* fall through */
    }
  }
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, min + 40));
  const plain = fc.string({ minLength: min, maxLength: max, unit: "grapheme" });
  const words = ["Nguyễn Văn An", "Sở Tư pháp tỉnh Thanh Hóa", "Kế hoạch số 12/KH-STP"].filter(
    (x) => x.length >= min && x.length <= max,
  );
  return words.length ? fc.oneof(plain, fc.constantFrom(...words)) : plain;
}

/** JSON pointers of every property present in a generated body (leaves and containers). */
function paths(v: unknown, prefix = ""): string[] {
  if (v === null || typeof v !== "object") return prefix ? [prefix] : [];
  const out: string[] = prefix ? [prefix] : [];
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
  for (const [k, x] of entries) out.push(...paths(x, `${prefix}/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`));
  return out;
}

function setAt(root: unknown, ptr: string, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const keys = ptr
    .split("/")
    .slice(1)
    .map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"));
  let cur: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[keys[keys.length - 1]] = value;
  return copy;
}

const deep = (n: number): unknown => {
  let v: unknown = "đáy";
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Values that are wrong for (almost) any field, and hostile strings. */
const MANGLES: Array<{ name: string; value: unknown; alwaysInvalid: boolean }> = [
  { name: "số thay cho giá trị", value: 1e308, alwaysInvalid: false },
  { name: "mảng", value: [1, "a", null], alwaysInvalid: false },
  { name: "đối tượng", value: { $gt: "" }, alwaysInvalid: false },
  { name: "chuỗi rất dài", value: "Ư".repeat(300_000), alwaysInvalid: false },
  { name: "lồng rất sâu", value: deep(1500), alwaysInvalid: false },
  { name: "ký tự NUL", value: "Nguyễn\u0000Văn", alwaysInvalid: false },
  { name: "surrogate lẻ + RTL", value: "\ud800\u202eabc\u200b", alwaysInvalid: false },
  { name: "SQL/HTML", value: "'); drop table claims; -- <script>alert(1)</script>", alwaysInvalid: false },
  { name: "số âm lớn", value: -(2 ** 53) - 2, alwaysInvalid: false },
  { name: "boolean", value: true, alwaysInvalid: false },
];

type Sent = { payload: string; ptr?: string; mustName?: boolean; label: string };

function mangledArb(base: fc.Arbitrary<unknown>, strict: boolean): fc.Arbitrary<Sent> {
  return fc.tuple(base, fc.nat(), fc.nat({ max: MANGLES.length + 3 })).map(([body, pick, how]) => {
    const ps = paths(body);
    if (how === MANGLES.length || ps.length === 0 || typeof body !== "object" || body === null) {
      // Unknown extra field at the top level (or the body itself replaced).
      const b = { ...(body as object), khong_co_truong_nay: "x" };
      return { payload: JSON.stringify(b), ptr: "/khong_co_truong_nay", mustName: strict, label: "trường lạ" };
    }
    if (how === MANGLES.length + 1 || how === MANGLES.length + 2) {
      const key = how === MANGLES.length + 1 ? "__proto__" : "constructor";
      const inner = JSON.stringify(body).slice(1);
      const extra = `"${key}":{"prototype":{"role":"system_admin"},"role":"system_admin","agency_id":"stp-ha-noi"}`;
      return { payload: `{${extra}${inner === "}" ? "}" : `,${inner}`}`, label: key };
    }
    if (how === MANGLES.length + 3) {
      const ptr = ps[pick % ps.length];
      const parent = ptr.split("/").slice(0, -1).join("/");
      const target = parent
        ? setAt(body, `${parent}/khong_co_truong_nay`, 1)
        : { ...(body as object), khong_co_truong_nay: 1 };
      return { payload: JSON.stringify(target), label: `trường lạ trong ${parent || "/"}` };
    }
    const ptr = ps[pick % ps.length];
    const m = MANGLES[how];
    return {
      payload: JSON.stringify(setAt(body, ptr, m.value)),
      ptr,
      mustName: m.alwaysInvalid,
      label: `${m.name} @ ${ptr}`,
    };
  });
}

/** The suite on one engine (fuzz-bodies-<engine>.test.ts: one file per engine keeps each file bounded). */
export function fuzzSuite(engine: Engine): void {
  if (!availableEngines().includes(engine)) return;
  describe(`Fuzz mọi lược đồ thân yêu cầu API (${engine})`, () => {
    let fx: HostileFixture;
    let admin: Client;
    let routes: BodyRoute[] = [];
    let ctx: Ctx;

    before(async () => {
      fx = await hostileFixture(engine);
      const objects = await createObjects(fx.database.db, "in");
      admin = await signedIn(fx.app, "sysadmin");
      const doc = (await fx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
        components?: { schemas?: Record<string, JsonSchema> };
      };
      ctx = {
        objects,
        resolve: (ref) => doc.components?.schemas?.[ref.split("/").pop() ?? ""] ?? {},
      };
      const params: Record<string, string> = {
        "/api/agencies/{id}": "stp-thanh-hoa",
        "/api/users/{id}": fx.userIds.officer_phong,
        "/api/claims/{id}": objects.claim,
        "/api/plans/{id}": objects.plan,
        "/api/task-instances/{id}": objects.instance,
        "/api/requests/{id}": objects.request,
        "/api/meetings/{id}": objects.meeting,
        "/api/report-rounds/{id}": objects.round,
        "/api/inspections/{id}": objects.inspection,
        "/api/inspection-followups/{id}": objects.followup,
        "/api/evaluation/assessments/{id}": objects.assessment,
        "/api/trainings/{id}": objects.training,
      };
      for (const [p, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) {
          const json = op.requestBody?.content?.["application/json"];
          if (!json) continue;
          let url = p;
          for (const [prefix, id] of Object.entries(params)) if (url.startsWith(prefix)) url = url.replace("{id}", id);
          url = url.replace("{agency_id}", objects.thads);
          url = url.replace("{key}", "faq.kiem-thu-fuzz"); // a public-content key has its own shape
          // A route added later without an object here still gets its body fuzzed (the id is simply not found).
          url = url.replace(/\{[a-z_]+\}/g, "00000000-0000-4000-8000-000000000000");
          routes.push({ method: method.toUpperCase(), path: url, schema: json.schema });
        }
      routes = routes.filter((r) => r.path !== "/api/auth/password"); // would only count wrong passwords
    });
    after(() => fx.close());

    test("tìm thấy mọi đường dẫn có thân JSON (≥ 35)", () => {
      assert.ok(routes.length >= 35, `chỉ thấy ${routes.length}`);
    });

    /** Sends one body; checks no 5xx, the error shape and that a refused request wrote nothing. */
    async function probe(r: BodyRoute, sent: Sent) {
      const before = await tableCounts(fx.database);
      const versions = await versionSum(fx.database);
      const res = await admin.request({
        method: r.method as "POST",
        url: r.path,
        payload: sent.payload,
        headers: { "content-type": "application/json" },
      });
      const where = `${r.method} ${r.path} [${sent.label}] → ${res.statusCode} ${res.body.slice(0, 300)}`;
      assert.ok(res.statusCode < 500, where);
      if (res.statusCode < 400) return;
      const body = res.json();
      assertErrorShape(body, where);
      if (res.statusCode === 400 && body.code === "invalid_input") {
        assert.ok(body.issues.length > 0, `${where}: no field named`);
        if (sent.ptr && sent.mustName) {
          const ptr = sent.ptr;
          assert.ok(
            body.issues.some((i) => i.path === ptr || i.path.startsWith(`${ptr}/`) || ptr.startsWith(`${i.path}/`)),
            `${where}: field ${ptr} not named`,
          );
        }
      }
      assert.deepEqual(await tableCounts(fx.database), before, `${where}: rows written`);
      assert.equal(await versionSum(fx.database), versions, `${where}: a row version changed`);
    }

    test("(a) giá trị JSON ngẫu nhiên → không 5xx, lỗi tiếng Việt, không ghi gì", async () => {
      for (const r of routes) {
        await fc.assert(
          fc.asyncProperty(fc.noShrink(fc.jsonValue({ maxDepth: 4 })), async (v) => {
            await probe(r, { payload: JSON.stringify(v) ?? "null", label: "JSON ngẫu nhiên" });
          }),
          { seed: SEED, numRuns: RUNS_RANDOM, endOnFailure: true },
        );
      }
    });

    test("(c) mọi đường dẫn có thân JSON: thiếu hoặc sai tiêu đề CSRF → 403 csrf, không ghi gì", async () => {
      for (const r of routes) {
        // Public routes: no session, nothing to forge.
        // Login, the password reset asked for by e-mail, and the citizens' portal under /api/public.
        if (r.path === "/api/auth/login" || r.path.startsWith("/api/auth/password-reset")) continue;
        if (r.path.startsWith("/api/public/")) continue;
        // Authenticated by the owner-only control token of DATA_DIR, not by the cookie: a cross-site form cannot send it.
        if (r.path === "/api/admin/backup") continue;
        const [sample] = fc.sample(arb(r.schema, "", ctx), { seed: SEED, numRuns: 1 });
        for (const token of [undefined, "gia-mao"]) {
          const before = await tableCounts(fx.database);
          const res = await admin.request({
            method: r.method as "POST",
            url: r.path,
            payload: JSON.stringify(sample),
            csrf: false,
            headers: { "content-type": "application/json", ...(token ? { "x-csrf-token": token } : {}) },
          });
          const where = `${r.method} ${r.path} (token ${token ?? "thiếu"}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
          assert.equal(res.statusCode, 403, where);
          assert.equal(res.json().code, "csrf", where);
          assert.deepEqual(await tableCounts(fx.database), before, where);
        }
      }
    });

    test("(b) thân hợp lệ với một trường bị làm hỏng → không 5xx, nêu đúng trường, không ghi gì", async () => {
      for (const r of routes) {
        const t0 = Date.now();
        if (process.env.BTNN_FUZZ_DEBUG) process.stderr.write(`${r.method} ${r.path}\n`);
        const base = arb(r.schema, "", ctx);
        await fc.assert(
          fc.asyncProperty(fc.noShrink(mangledArb(base, r.schema.additionalProperties === false)), async (sent) => {
            await probe(r, sent);
          }),
          { seed: SEED, numRuns: RUNS_MANGLED, endOnFailure: true },
        );
        if (process.env.BTNN_FUZZ_DEBUG) process.stderr.write(`  ${Date.now() - t0} ms\n`);
      }
    });
  });
}
