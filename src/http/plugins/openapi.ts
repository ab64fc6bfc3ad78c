// OpenAPI document generated from the same zod schemas that validate requests (fastify-type-provider-zod),
// served as JSON at /api/openapi.json and browsable at /api/docs (swagger-ui assets are bundled: works offline).
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { globalPlugin } from "./global.ts";
import { IDEMPOTENCY_HEADER, idempotentRoute } from "./idempotency.ts";

export const openapiPlugin = globalPlugin("btnn-openapi", async (app: FastifyInstance) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "BTNN — API quản lý công tác bồi thường nhà nước",
        description:
          "API của hệ thống BTNN (Luật TNBTCNN 2017). Xác thực bằng cookie phiên `btnn_session`; " +
          "mọi yêu cầu ghi (POST/PUT/PATCH/DELETE) phải gửi tiêu đề `x-csrf-token` bằng giá trị cookie `btnn_csrf` " +
          "và nội dung JSON. Lỗi luôn có dạng `{ error, code, issues: [{ path, message }] }`.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "btnn_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
      security: [{ session: [] }],
    },
    // Every route that takes an Idempotency-Key documents it (tests/hostile/idempotency.test.ts enumerates them).
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      const method = Array.isArray(args.route.method) ? args.route.method[0] : args.route.method;
      if (!idempotentRoute(method, args.url, args.route.config)) return out;
      const schema = out.schema as { headers?: { type?: string; properties?: Record<string, unknown> } };
      schema.headers = {
        type: "object",
        ...schema.headers,
        properties: {
          ...schema.headers?.properties,
          [IDEMPOTENCY_HEADER]: {
            type: "string",
            description:
              "Mã duy nhất cho mỗi lần gửi biểu mẫu (8–200 ký tự). Gửi lại cùng mã → nhận lại đúng kết quả lần đầu, không tạo bản ghi mới (lưu 24 giờ).",
          },
        },
      };
      return out;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async (_req, reply) =>
    reply.type("application/json; charset=utf-8").send(app.swagger()),
  );
});
