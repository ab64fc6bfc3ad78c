// The web UI hook: when `web/dist` holds a built UI its files are served with @fastify/static's sendFile (and unknown
// non-API GETs fall back to index.html for client-side routing); otherwise `/` is a small Vietnamese placeholder page.
import { existsSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const PLACEHOLDER = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>BTNN — Hệ thống quản lý công tác bồi thường nhà nước</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body>
<h1>BTNN</h1>
<p>Hệ thống quản lý công tác bồi thường nhà nước (Luật TNBTCNN 2017) đang chạy.</p>
<p>Giao diện web chưa được xây dựng (chưa có thư mục <code>web/dist</code>).</p>
<ul>
<li><a href="/api/docs">Tài liệu API (OpenAPI)</a></li>
<li><a href="/api/health">Tình trạng hệ thống</a></li>
</ul>
</body></html>`;

/** The file of `root` a request path names ("/assets/app.js" → "assets/app.js"), or null: none, a folder, a dot file,
 * or a path that leaves `root`. */
function fileIn(root: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.split("?")[0] ?? "");
  } catch {
    return null;
  }
  if (path.includes("\0") || path.split("/").some((part) => part.startsWith("."))) return null;
  const abs = resolve(root, `.${path}`);
  if (!abs.startsWith(root + sep)) return null;
  return statSync(abs, { throwIfNoEntry: false })?.isFile() ? abs.slice(root.length + 1) : null;
}

export async function webPlugin(app: FastifyInstance, opts: { dist: string }) {
  const root = resolve(opts.dist);
  if (existsSync(resolve(root, "index.html"))) {
    // One route for the whole UI, no route per file: @fastify/static's per-file routes cost a walk of web/dist and
    // ~230 routes at every start (serve: false keeps only reply.sendFile, with its caching headers and checks).
    await app.register(fastifyStatic, { root, serve: false, index: false });
    app.route({
      method: ["GET", "HEAD"],
      url: "/*",
      schema: { hide: true },
      config: { access: "public" },
      handler: (request, reply) => {
        if (request.url.startsWith("/api/")) return reply.callNotFound();
        return reply.sendFile(fileIn(root, request.url) ?? "index.html");
      },
    });
    return;
  }
  app.get("/", { schema: { hide: true }, config: { access: "public" } }, async (_req, reply) =>
    reply.type("text/html; charset=utf-8").send(PLACEHOLDER),
  );
}
