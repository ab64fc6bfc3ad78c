// /api/agencies: the dated agency directory (readable by every signed-in user: needed for forms and routing),
// its hierarchy as a tree, successor links; edits need agencies.manage.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AgencyDto, getAgency, listAgencies, updateAgency } from "../../db/repositories/agencies.ts";
import type { AppDb } from "../../db/types.ts";
import {
  apiPage,
  BoolQuery,
  errorResponses,
  IsoDateSchema,
  PageQuery,
  pageOf,
  repoPage,
  TextIdParam,
} from "../contracts/common.ts";
import { scopeOf } from "../plugins/scope.ts";

const Agency = z.object({
  id: z.string(),
  name: z.string(),
  short_name: z.string().nullable(),
  role: z.string(),
  province_code: z.string().nullable(),
  parent_id: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
  successor_ids: z.array(z.string()),
});
const AgencyDetail = Agency.extend({ children: z.array(z.string()), predecessor_ids: z.array(z.string()) });
type TreeNode = z.infer<typeof Agency> & { children: TreeNode[] };
const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() => Agency.extend({ children: z.array(TreeNodeSchema) }));

const ListQuery = PageQuery.extend({
  role: z.string().max(40).optional(),
  province_code: z.string().max(10).optional(),
  parent_id: z.string().max(100).optional(),
  active_on: IsoDateSchema.optional(),
  only_visible: BoolQuery.optional(),
}).strict();

const AgencyPatch = z
  .object({
    name: z.string().trim().min(1).max(300).optional(),
    short_name: z.string().trim().max(100).nullable().optional(),
    parent_id: z.string().max(100).nullable().optional(),
    province_code: z.string().max(10).nullable().optional(),
    valid_from: IsoDateSchema.nullable().optional(),
    valid_to: IsoDateSchema.nullable().optional(),
  })
  .strict();

const TAGS = ["Cơ quan"];

/** Every agency matching the filter (the directory has a few hundred rows; fetched in pages of 200). */
async function allAgencies(
  db: AppDb,
  scope: Parameters<typeof listAgencies>[1],
  filter: Parameters<typeof listAgencies>[2],
): Promise<AgencyDto[]> {
  const out: AgencyDto[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await listAgencies(db, scope, filter, { limit: 200, offset });
    out.push(...page.items);
    if (page.items.length < 200 || out.length >= page.total) return out;
  }
}

export const agencyRoutes: FastifyPluginAsyncZod<{ db: AppDb }> = async (app, { db }) => {
  app.get(
    "/api/agencies",
    {
      schema: {
        tags: TAGS,
        summary: "Danh sách cơ quan (lọc theo vai trò, tỉnh, cơ quan cấp trên, ngày hiệu lực; tìm không dấu)",
        querystring: ListQuery,
        response: { 200: pageOf(Agency), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => {
      const q = request.query;
      const r = await listAgencies(
        db,
        scopeOf(request),
        {
          q: q.q,
          role: q.role,
          province_code: q.province_code,
          parent_id: q.parent_id,
          active_on: q.active_on,
          onlyVisible: q.only_visible,
        },
        repoPage(q),
      );
      return apiPage(r, q);
    },
  );

  app.get(
    "/api/agencies/tree",
    {
      schema: {
        tags: TAGS,
        summary: "Cây cơ quan theo quan hệ cấp trên – cấp dưới (tùy chọn: chỉ cơ quan còn hiệu lực vào ngày active_on)",
        querystring: z
          .object({
            active_on: IsoDateSchema.optional(),
            only_visible: BoolQuery.optional(),
            root: z.string().max(100).optional(),
          })
          .strict(),
        response: { 200: z.array(TreeNodeSchema), ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => {
      const { active_on, only_visible, root } = request.query;
      const list = await allAgencies(db, scopeOf(request), { active_on, onlyVisible: only_visible });
      const nodes = new Map<string, TreeNode>(list.map((a) => [a.id, { ...a, children: [] }]));
      const roots: TreeNode[] = [];
      for (const n of nodes.values()) {
        const parent = n.parent_id ? nodes.get(n.parent_id) : undefined;
        if (parent) parent.children.push(n);
        else roots.push(n);
      }
      if (root) {
        const r = nodes.get(root);
        return r ? [r] : [];
      }
      return roots;
    },
  );

  app.get(
    "/api/agencies/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Một cơ quan: cơ quan cấp dưới, cơ quan kế thừa và cơ quan tiền nhiệm",
        params: TextIdParam,
        response: { 200: AgencyDetail, ...errorResponses },
      },
      config: { access: "authenticated" },
    },
    async (request) => getAgency(db, scopeOf(request), request.params.id),
  );

  app.get(
    "/api/agencies/:id/successors",
    {
      schema: {
        tags: TAGS,
        summary: "Chuỗi cơ quan kế thừa (sáp nhập, đổi tên) đến cơ quan còn hiệu lực",
        params: TextIdParam,
        response: {
          200: z.object({ id: z.string(), chain: z.array(Agency), current: z.array(Agency) }),
          ...errorResponses,
        },
      },
      config: { access: "authenticated" },
    },
    async (request) => {
      const scope = scopeOf(request);
      const start = await getAgency(db, scope, request.params.id);
      const chain: AgencyDto[] = [];
      const current: AgencyDto[] = [];
      const seen = new Set([start.id]);
      let frontier = start.successor_ids;
      if (frontier.length === 0) current.push(start);
      while (frontier.length) {
        const next: string[] = [];
        for (const id of frontier) {
          if (seen.has(id)) continue;
          seen.add(id);
          const a = await getAgency(db, scope, id);
          chain.push(a);
          if (a.successor_ids.length === 0) current.push(a);
          next.push(...a.successor_ids);
        }
        frontier = next;
      }
      const strip = ({
        children: _c,
        predecessor_ids: _p,
        ...a
      }: AgencyDto & { children?: unknown; predecessor_ids?: unknown }) => a;
      return { id: start.id, chain: chain.map(strip), current: current.map(strip) };
    },
  );

  app.patch(
    "/api/agencies/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Sửa thông tin cơ quan (quản trị hệ thống)",
        params: TextIdParam,
        body: AgencyPatch,
        response: { 200: Agency, ...errorResponses },
      },
      config: { access: { permission: "agencies.manage" } },
    },
    async (request) => updateAgency(db, scopeOf(request), request.params.id, request.body),
  );
};
