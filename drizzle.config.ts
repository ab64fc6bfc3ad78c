// drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations from src/db/schema into src/db/migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./src/db/migrations",
});
