/**
 * Prisma's schema engine compiled to WebAssembly, bound to a PostgreSQL URL
 * through the pg driver adapter. The Prisma CLI would download a native engine
 * binary, which cannot be fetched on machines without internet; this drives
 * the same engine, so migrations behave exactly as `prisma migrate` does.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
export const schemaPath = join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = join(projectRoot, "prisma", "migrations");

type Bindings = typeof bindings & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (...args: Parameters<typeof SchemaEngine.new>) => Promise<SchemaEngine> };
};

let wasmReady: Promise<Bindings> | undefined;

/** Instantiates the WebAssembly module once per process. */
function loadBindings(): Promise<Bindings> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = join(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/schema_engine_bg\.js$/, ""), "schema_engine_bg.wasm");
    const engineBindings = bindings as Bindings;
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineBindings;
  })();
  return wasmReady;
}

export interface BoundEngine {
  engine: SchemaEngine;
  dispose(): void;
}

/** An engine whose datamodel is prisma/schema.prisma and whose database is `databaseUrl`. */
export async function openSchemaEngine(databaseUrl: string, log: (line: string) => void = () => {}): Promise<BoundEngine> {
  const engineBindings = await loadBindings();
  const schema = await readFile(schemaPath, "utf8");
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 10_000 }));
  const engine = await engineBindings.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, (message: string) => log(message), adapterFactory);
  return {
    engine,
    dispose: () => engine.free(),
  };
}

export async function readSchema(): Promise<string> {
  return readFile(schemaPath, "utf8");
}

/** The migrations folder in the shape the engine takes, as `prisma migrate` reads it. */
export async function readMigrationsList(): Promise<MigrationList> {
  const { readdir, stat } = await import("node:fs/promises");
  const entries = await readdir(migrationsDir).catch(() => [] as string[]);
  const directories = [];
  for (const name of entries.sort()) {
    if (!(await stat(join(migrationsDir, name))).isDirectory()) continue;
    const content = await readFile(join(migrationsDir, name, "migration.sql"), "utf8").then(
      (text) => ({ tag: "ok" as const, value: text }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    directories.push({ path: name, migrationFile: { path: "migration.sql", content } });
  }
  const lockContent = await readFile(join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: directories,
  };
}

export const noFilter = { externalTables: [], externalEnums: [] };
