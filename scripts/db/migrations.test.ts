/**
 * Guards the migrations: schema.prisma must not change without a migration,
 * and the migrations must apply to an empty database exactly as
 * `prisma migrate deploy` would, once.
 *
 * With TEST_DATABASE_URL (a PostgreSQL server URL) the databases are created on
 * that server and dropped afterwards; without it, in-memory embedded PostgreSQL serves.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../embedded-postgres.ts";
import { migrateDatabase, readMigrationsDirectory } from "./migrate.ts";
import { diffSchemaAgainstMigrations } from "./new-migration.ts";
import { migrationsDir } from "./schema-engine.ts";

const serverUrl = process.env.TEST_DATABASE_URL || undefined;
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
}, 60_000);

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database of this test's own, removed when the file is done. */
async function freshDatabase(): Promise<string> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ port: 0 });
    cleanups.push(() => embedded.stop());
    return embedded.url;
  }
  const name = `gloss_migrations_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  cleanups.push(() => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

describe("prisma/migrations", () => {
  it("matches schema.prisma (if not, run: npm run db:migration -- <name>)", { timeout: 120_000 }, async () => {
    const missing = await diffSchemaAgainstMigrations(serverUrl);
    expect(missing, "schema.prisma has changes that no migration makes; the SQL they need is shown").toBe("");
  });

  it("applies to an empty database, recorded as prisma migrate deploy records it, and only once", { timeout: 120_000 }, async () => {
    const names = (await readMigrationsDirectory()).migrationDirectories.map((directory) => directory.path);
    expect(names.length).toBeGreaterThan(0);
    const url = await freshDatabase();

    expect((await migrateDatabase(url)).applied).toEqual(names);

    const rows = await withClient(url, async (client) => (await client.query<MigrationRow>(`SELECT * FROM _prisma_migrations ORDER BY migration_name`)).rows);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = await readFile(join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }

    expect((await migrateDatabase(url)).applied).toEqual([]);
    const count = await withClient(url, async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations`)).rows[0]?.n);
    expect(count).toBe(names.length);
  });
});
