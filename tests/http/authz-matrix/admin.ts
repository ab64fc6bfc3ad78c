import { type Area, all, pub, row } from "./matrix.ts";

export const ADMIN: Area = {
  // Online backup: only the bearer token of DATA_DIR/btnn-control.json (none in this app) — no session or role opens it.
  "POST /api/admin/backup": {
    expect: pub(401),
    call: () => ({
      method: "POST",
      url: "/api/admin/backup",
      payload: { file: "/tmp/btnn-matrix-backup.jsonl.gz" },
    }),
  },
  "POST /api/admin/impact-preview": {
    expect: row(all(200), all(200), all(403), all(403)), // nothing saved; admins only
    call: () => ({
      method: "POST",
      url: "/api/admin/impact-preview",
      payload: {
        calendar_day: { date: "2024-03-05", kind: "swapped_off", name: "Nghỉ thử", source: "Dự thảo" },
        as_of: "2024-03-01",
      },
    }),
  },
  // public_content.manage (officer, agency admin); editing also needs a national-level agency (Cục BTNN): the
  // Thanh Hóa roles are refused 403 even though they hold the permission.
  "GET /api/admin/public-content": {
    expect: row(all(200), all(200), all(200), all(403)),
    call: () => ({ method: "GET", url: "/api/admin/public-content" }),
  },
  "PUT /api/admin/public-content/:key": {
    expect: row(all(200), all(403), all(403), all(403)),
    call: (t) => ({
      method: "PUT",
      url: `/api/admin/public-content/faq.matrix-${t}`,
      payload: { page: "faq", position: 1, title: "Câu hỏi thử", body: "Nội dung câu trả lời thử.", version: 0 },
    }),
  },
};
