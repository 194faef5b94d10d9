import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../scripts/db/migrate.ts";
import { provisionTestDatabase } from "../../scripts/test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** PGlite: one session, so concurrent transactions interleave instead of running side by side. */
    databaseEmbedded: boolean;
  }
}

/** Creates this run's database, migrated, and drops it when the run ends. */
export default async function setup(project: TestProject) {
  const database = await provisionTestDatabase();
  await migrateDatabase(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("databaseEmbedded", database.embedded);
  process.env.DATABASE_URL = database.url;
  return async () => {
    await database.drop();
  };
}
