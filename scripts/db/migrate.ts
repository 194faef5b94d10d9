/**
 * Applies pending migrations from prisma/migrations and records them in
 * `_prisma_migrations`, as `prisma migrate deploy` does. `npm run db:migrate`.
 */
import { fileURLToPath } from "node:url";
import { parseEnv } from "../../lib/env-schema.ts";
import { noFilter, openSchemaEngine, readMigrationsList } from "./schema-engine.ts";

export async function migrateDatabase(databaseUrl: string, log?: (line: string) => void): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList();
  const { engine, dispose } = await openSchemaEngine(databaseUrl, log);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return { applied: appliedMigrationNames };
  } finally {
    dispose();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const parsed = parseEnv(process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(1);
  }
  const url = parsed.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the database to migrate.");
    process.exit(1);
  }
  const { applied } = await migrateDatabase(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
}
