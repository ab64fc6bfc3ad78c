// Fastify type augmentations shared by the plugins and routes.
import "fastify";

/** Who may call a route: anyone, any signed-in user, or holders of one permission (domain/access). */
export type Access = "public" | "authenticated" | { permission: string };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}
