import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { provisionTestDatabase, type TestDatabase } from "../test-database.ts";
import { migrateDatabase } from "./migrate.ts";
import { diffSchemaAgainstMigrations, schemaCreationSql } from "./new-migration.ts";

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function freshDatabase(): Promise<string> {
  const database = await provisionTestDatabase();
  databases.push(database);
  return database.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Everything about a database's schema that a migration can change, in a comparable form. */
async function describeSchema(url: string) {
  return {
    columns: await query(
      url,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`,
    ),
    indexes: await query(url, `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`),
    constraints: await query(
      url,
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY conname`,
    ),
    enums: await query(
      url,
      `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    ),
  };
}

describe("migrations", () => {
  it("leave nothing of schema.prisma unmigrated (else run npm run db:migration -- <name>)", async () => {
    expect(await diffSchemaAgainstMigrations(process.env.TEST_DATABASE_URL || undefined)).toBe("");
  });

  it("build exactly the schema that schema.prisma describes", async () => {
    const [migratedUrl, directUrl] = await Promise.all([freshDatabase(), freshDatabase()]);
    await migrateDatabase(migratedUrl);
    const client = new pg.Client({ connectionString: directUrl });
    await client.connect();
    await client.query(await schemaCreationSql());
    await client.end();
    expect(await describeSchema(migratedUrl)).toEqual(await describeSchema(directUrl));
  });

  it("are recorded as prisma migrate deploy records them, and applying twice does nothing", async () => {
    const url = await freshDatabase();
    const first = await migrateDatabase(url);
    expect(first.applied.length).toBeGreaterThan(0);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(first.applied);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect((await migrateDatabase(url)).applied).toEqual([]);
  });
});
