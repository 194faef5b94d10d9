/**
 * `npm run db:migrate`: applies pending migrations from prisma/migrations and
 * records them in `_prisma_migrations`. It runs the engine's applyMigrations,
 * the same code as `prisma migrate deploy`, so either tool can take over a
 * database the other migrated.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";
import { engineErrorMessage, migrationsDir, noFilter, withSchemaEngine } from "./schema-engine.ts";

export async function migrateDatabase(databaseUrl: string, log?: (line: string) => void): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsDirectory();
  const { appliedMigrationNames } = await withSchemaEngine(
    databaseUrl,
    (engine) => engine.applyMigrations({ migrationsList, filters: noFilter }),
    { log },
  );
  return { applied: appliedMigrationNames };
}

/**
 * The migrations folder in the shape the engine takes, read as the Prisma CLI
 * reads it: every subfolder, sorted by name, with its migration.sql (a missing
 * file is passed on as an error for the engine to report), plus the lock file.
 */
export async function readMigrationsDirectory(directory: string = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories: MigrationDirectory[] = await Promise.all(
    folders.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(join(directory, name, "migration.sql"), "utf8").then(
          (text) => ({ tag: "ok" as const, value: text }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir: directory,
    lockfile: { path: "migration_lock.toml", content: await readFile(join(directory, "migration_lock.toml"), "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** DATABASE_URL as a CLI needs it, or a one-line reason it is unusable. */
export function databaseUrlFromEnv(value: string | undefined): { ok: true; url: string } | { ok: false; message: string } {
  const url = value?.trim();
  if (!url) return { ok: false, message: "DATABASE_URL is not set: point it at the PostgreSQL database to use (postgresql://user@host:5432/name)." };
  try {
    const parsed = new URL(url);
    if ((parsed.protocol === "postgres:" || parsed.protocol === "postgresql:") && parsed.hostname) return { ok: true, url };
  } catch {
    // reported below
  }
  return { ok: false, message: "DATABASE_URL is malformed: expected postgresql://user@host:5432/name." };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const databaseUrl = databaseUrlFromEnv(process.env.DATABASE_URL);
  if (!databaseUrl.ok) {
    console.error(databaseUrl.message);
    process.exit(1);
  }
  try {
    const { applied } = await migrateDatabase(databaseUrl.url);
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}` : "No pending migrations.");
  } catch (error) {
    console.error(`Migration failed: ${engineErrorMessage(error)}`);
    process.exit(1);
  }
}
