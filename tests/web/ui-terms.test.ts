// The UI terms list (docs/ui-terms.md) is what the i18n dictionaries say: every listed term is used, in both
// languages, and no banned synonym is left in the Vietnamese dictionary.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { en } from "../../web/src/shared/i18n/en.ts";
import { vi } from "../../web/src/shared/i18n/vi.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

type Term = { vi: string; en: string; banned: string[] };

function terms(): Term[] {
  const md = readFileSync(`${ROOT}docs/ui-terms.md`, "utf8");
  return md
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| ---") && !l.startsWith("| Tiếng Việt"))
    .map((l) => l.split("|").map((c) => c.trim()))
    .map((c) => ({
      vi: c[1],
      en: c[2],
      banned: c[5]
        .split(",")
        .map((b) => b.trim())
        .filter(Boolean),
    }));
}

const viTexts = Object.values(vi) as string[];
const enTexts = Object.values(en) as string[];

test("docs/ui-terms.md: bảng thuật ngữ đọc được và có đủ các thuật ngữ đã thống nhất", () => {
  const list = terms();
  assert.ok(list.length >= 10, `chỉ đọc được ${list.length} thuật ngữ`);
  for (const t of list) assert.ok(t.vi && t.en, `dòng thiếu tiếng Việt hoặc tiếng Anh: ${JSON.stringify(t)}`);
});

test("từ điển giao diện dùng đúng thuật ngữ đã thống nhất (tiếng Việt và tiếng Anh)", () => {
  for (const t of terms()) {
    assert.ok(
      viTexts.some((s) => s.toLowerCase().includes(t.vi.toLowerCase())),
      `vi.ts không dùng "${t.vi}"`,
    );
    assert.ok(
      enTexts.some((s) => s.toLowerCase().includes(t.en.toLowerCase())),
      `en.ts không dùng "${t.en}"`,
    );
  }
});

test("từ điển giao diện không còn từ đồng nghĩa bị loại (ví dụ 'Ngày nhận đơn', 'Lùi ngày', 'chưa xác nhận')", () => {
  const banned = terms().flatMap((t) => t.banned);
  assert.ok(banned.includes("Ngày nhận đơn") && banned.includes("Lùi ngày"));
  for (const b of banned) {
    const hits = Object.entries(vi).filter(([, s]) => (s as string).toLowerCase().includes(b.toLowerCase()));
    assert.deepEqual(hits, [], `"${b}" vẫn còn trong vi.ts`);
  }
});

test("mỗi quyền (PERMISSIONS) có tên hiển thị tiếng Việt và tiếng Anh — trang cá nhân không hiện mã quyền", async () => {
  const { PERMISSIONS } = await import("../../src/domain/access/permissions.ts");
  for (const p of PERMISSIONS) {
    for (const [lang, dict] of [
      ["vi", vi],
      ["en", en],
    ] as const) {
      const label = (dict as Record<string, string>)[`permission.${p}`];
      assert.ok(label && label !== p, `${lang}: thiếu tên hiển thị của quyền ${p}`);
    }
  }
});
