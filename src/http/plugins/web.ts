// The web UI hook: when `web/dist` holds a built UI it is served with @fastify/static (and unknown non-API GETs
// fall back to index.html for client-side routing); otherwise `/` is a small Vietnamese placeholder page.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
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

export async function webPlugin(app: FastifyInstance, opts: { dist: string }) {
  const root = resolve(opts.dist);
  if (existsSync(resolve(root, "index.html"))) {
    await app.register(fastifyStatic, { root, prefix: "/", wildcard: false, index: ["index.html"] });
    app.get("/*", { schema: { hide: true }, config: { access: "public" } }, (request, reply) => {
      if (request.url.startsWith("/api/")) return reply.callNotFound();
      return reply.sendFile("index.html");
    });
    return;
  }
  app.get("/", { schema: { hide: true }, config: { access: "public" } }, async (_req, reply) =>
    reply.type("text/html; charset=utf-8").send(PLACEHOLDER),
  );
}
