import { defineConfig } from "prisma/config";

// The CLI reads the datasource URL from here (Prisma 7 no longer reads it from
// schema.prisma). `prisma generate` needs no database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/gloss" },
});
