// Public portal content: the latest edit of each key (read by the public portal and the admin screen) and saving a
// new version (Cục BTNN, audited). The defaults live in src/domain/public-content/content.ts; a key without edits is
// served from there.
import { desc, eq, sql } from "drizzle-orm";
import type { Scope } from "../../domain/access/scope.ts";
import {
  type ContentItem,
  type ContentPage,
  DEFAULT_PUBLIC_CONTENT,
  mergeContent,
} from "../../domain/public-content/content.ts";
import { DomainError } from "../../domain/shared/errors.ts";
import { appendAudit, auditActor } from "../audit.ts";
import { publicContent, users } from "../schema/index.ts";
import { requirePermission } from "../scope.ts";
import type { AppDb } from "../types.ts";
import { staleVersion } from "./common.ts";

export type ContentRow = ContentItem & {
  unverified: boolean;
  hidden: boolean;
  /** 0 = the built-in default, never edited. */
  version: number;
  updated_at: string | null;
  updated_by: string | null;
};

/** The highest version of every edited key. */
async function latestEdits(db: AppDb): Promise<ContentRow[]> {
  const rows = await db
    .selectDistinctOn([publicContent.key], {
      key: publicContent.key,
      version: publicContent.version,
      page: publicContent.page,
      position: publicContent.position,
      title: publicContent.title,
      body: publicContent.body,
      sources: publicContent.sources,
      unverified: publicContent.unverified,
      hidden: publicContent.hidden,
      updatedAt: publicContent.updatedAt,
      updatedBy: users.fullName,
    })
    .from(publicContent)
    .leftJoin(users, eq(users.id, publicContent.updatedBy))
    .orderBy(publicContent.key, desc(publicContent.version));
  return rows.map((r) => ({
    key: r.key,
    page: r.page as ContentPage,
    position: r.position,
    title: r.title,
    body: r.body,
    sources: r.sources,
    unverified: r.unverified,
    hidden: r.hidden,
    version: r.version,
    updated_at: r.updatedAt.toISOString(),
    updated_by: r.updatedBy,
  }));
}

const asDefault = (d: ContentItem): ContentRow => ({
  ...d,
  unverified: d.unverified ?? false,
  hidden: false,
  version: 0,
  updated_at: null,
  updated_by: null,
});

/** Public view (hidden items left out) or the admin view (everything, with versions). */
export async function listPublicContent(db: AppDb, opts: { includeHidden?: boolean } = {}): Promise<ContentRow[]> {
  return mergeContent(DEFAULT_PUBLIC_CONTENT.map(asDefault), await latestEdits(db), opts) as ContentRow[];
}

export type ContentEdit = {
  page: ContentPage;
  position: number;
  title: string;
  body: string;
  sources: string[];
  unverified: boolean;
  hidden: boolean;
  /** The version the editor started from (0 for a default or a new key). */
  version: number;
};

/**
 * Saves `edit` as the next version of `key`. Only national-level justice bodies (Bộ Tư pháp, Cục BTNN: the
 * state-management agency that disseminates, seed 001 §II.1 b) edit the national portal. The expected version must
 * be the current one (otherwise 409: someone else saved meanwhile); the (key, version) primary key settles a race.
 */
export async function savePublicContent(db: AppDb, scope: Scope, key: string, edit: ContentEdit): Promise<ContentRow> {
  requirePermission(scope, "public_content.manage");
  if (scope.visibleAgencyIds !== "all")
    throw new DomainError(
      "forbidden",
      "agency_id",
      "Chỉ Bộ Tư pháp (Cục Bồi thường nhà nước) được sửa nội dung cổng công dân toàn quốc.",
    );
  const isDefault = DEFAULT_PUBLIC_CONTENT.some((d) => d.key === key);
  return db.transaction(async (tx) => {
    const [cur] = await tx
      .select({ version: sql<number>`coalesce(max(${publicContent.version}), 0)`.mapWith(Number) })
      .from(publicContent)
      .where(eq(publicContent.key, key));
    const current = cur?.version ?? 0;
    if (edit.version !== current) throw staleVersion("Nội dung này", edit.version, current);
    const before =
      current === 0
        ? (DEFAULT_PUBLIC_CONTENT.find((d) => d.key === key) ?? null)
        : (await listPublicContent(tx, { includeHidden: true })).find((r) => r.key === key);
    if (!isDefault && current === 0 && edit.page !== key.split(".")[0])
      throw new DomainError("invalid_input", "page", "Trang của mục phải khớp với phần đầu của mã mục (home. / faq.).");
    const [row] = await tx
      .insert(publicContent)
      .values({
        key,
        version: current + 1,
        page: edit.page,
        position: edit.position,
        title: edit.title,
        body: edit.body,
        sources: edit.sources,
        unverified: edit.unverified,
        hidden: edit.hidden,
        updatedBy: scope.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw staleVersion("Nội dung này", edit.version, current + 1);
    const saved = (await listPublicContent(tx, { includeHidden: true })).find((r) => r.key === key) as ContentRow;
    await appendAudit(tx, {
      ...auditActor(scope),
      action: "public_content.update",
      entity: "public_content",
      entity_id: key,
      before,
      after: saved,
    });
    return saved;
  });
}
