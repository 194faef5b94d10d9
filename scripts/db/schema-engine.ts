/**
 * Prisma's schema engine (the part of the Prisma CLI behind `prisma migrate`),
 * compiled to WebAssembly and bound to PostgreSQL through the pg driver adapter.
 * The CLI downloads a native engine binary on first use, which fails without
 * internet; the WebAssembly build ships in node_modules, so migrations work
 * offline and stay interchangeable with the ordinary CLI.
 *
 * adapter-pg 7.10 was written for Prisma Client, not for the engine; the three
 * places where that shows are handled below (catalog "char" columns, migration
 * scripts split on every semicolon, and a shadow database that is not one).
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
export const schemaPath = join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = join(projectRoot, "prisma", "migrations");

/** Nothing is managed outside Prisma (prisma.config.ts `tables.external` / `enums.external`). */
export const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface SchemaEngineOptions {
  /** Receives the engine's log lines (JSON). */
  log?: (line: string) => void;
  /**
   * Where the engine replays migrations when it needs a shadow database (diffing
   * from the migrations folder). Unset: a temporary database is created on the
   * server of the database URL and dropped afterwards. Set it only to a database
   * that is empty and disposable, such as a fresh in-memory embedded PostgreSQL.
   */
  shadowDatabaseUrl?: string;
}

export interface SchemaEngineSession {
  engine: SchemaEngine;
  /** Frees the engine, closes every pool and drops any shadow database, so the process can exit. */
  close(): Promise<void>;
  /** The engine reports errors thrown on the JS side as "External error id#N": this puts their message back. */
  explain(error: unknown): unknown;
}

/**
 * Runs `work` with an engine bound to `databaseUrl` and always closes it. Prefer
 * this to openSchemaEngine: it also turns an engine crash into a rejection.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
  options: SchemaEngineOptions = {},
): Promise<T> {
  const session = await openSchemaEngine(databaseUrl, options);
  try {
    return await rejectOnPanic(work(session.engine));
  } catch (error) {
    throw session.explain(error);
  } finally {
    await session.close();
  }
}

/** An engine whose datamodel is prisma/schema.prisma and whose database is `databaseUrl`. */
export async function openSchemaEngine(databaseUrl: string, options: SchemaEngineOptions = {}): Promise<SchemaEngineSession> {
  const bindings = await loadWasm();
  const adapters = new AdapterFactory(databaseUrl, options.shadowDatabaseUrl);
  const log = options.log ?? (() => {});
  const bound = bindMigrationAwareSqlAdapterFactory(adapters);
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: [[schemaPath, await readFile(schemaPath, "utf8")]] },
      (line: string) => log(line),
      bound,
    );
    let closed = false;
    return {
      engine,
      async close() {
        if (closed) return;
        closed = true;
        try {
          engine.free();
        } catch {
          // After a panic the engine is still marked as borrowed and cannot be freed; it is dead anyway.
        }
        clearInterval(keepAlive);
        // free() leaves the pools opened through the factory open, and they
        // would keep the process alive: close them ourselves.
        await adapters.closeAll();
      },
      explain(error) {
        const id = /External error id#(\d+)/.exec(messageOf(error))?.[1];
        const original = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error;
        if (original === undefined) return error;
        return new Error(messageOf(error).replace(/External error id#\d+/, messageOf(original)), { cause: original });
      },
    };
  } catch (error) {
    clearInterval(keepAlive);
    await adapters.closeAll();
    throw error;
  }
}

/** An engine error without the Rust span trace and JS stack the WebAssembly build appends. */
export function engineErrorMessage(error: unknown): string {
  return messageOf(error)
    .split("\n")
    .filter((line) => !/^\s+(\d+: |at )/.test(line))
    .join("\n")
    .trim();
}

let wasmReady: Promise<typeof wasmBindings> | undefined;
let lastPanic = "";

/**
 * The package's entry imports the .wasm file as an ES module, which Node cannot
 * do; instantiating it by hand is what wasm-bindgen's bundler output expects.
 */
function loadWasm(): Promise<typeof wasmBindings> {
  wasmReady ??= (async () => {
    // The engine reports a Rust panic's message here before it aborts (the Prisma CLI defines the same).
    Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { set_message: (message: string) => void (lastPanic = message) } });
    const packageDir = dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const imports: WebAssembly.ModuleImports = { ...(wasmBindings as unknown as WebAssembly.ModuleImports) };
    // The engine starts timers (10 s for applyMigrations) that it never clears,
    // which held the process open after the work was done. They no longer keep
    // it alive; an open session's keep-alive interval does instead.
    for (const name of Object.keys(imports)) {
      if (name.startsWith("__wbg_setTimeout_")) imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(await readFile(join(packageDir, "schema_engine_bg.wasm")), {
      "./schema_engine_bg.js": imports,
    });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return wasmBindings;
  })();
  return wasmReady;
}

/**
 * A panic inside an async engine call surfaces as an uncaught
 * WebAssembly.RuntimeError and the call's promise never settles, so the
 * process would die without dropping its shadow database. Reject instead; the
 * engine is unusable afterwards, so callers should let the process end.
 */
function rejectOnPanic<T>(work: Promise<T>): Promise<T> {
  lastPanic = "";
  return new Promise<T>((resolve, reject) => {
    const onUncaught = (error: Error) => {
      if (error instanceof WebAssembly.RuntimeError) {
        reject(new Error(`Prisma's schema engine crashed: ${lastPanic || error.message}`, { cause: error }));
      } else if (process.listenerCount("uncaughtException") === 1) {
        // Not ours, and nobody else handles it: let Node crash as it would have.
        process.off("uncaughtException", onUncaught);
        process.nextTick(() => {
          throw error;
        });
      }
    };
    process.on("uncaughtException", onUncaught);
    work.then(resolve, reject).finally(() => process.off("uncaughtException", onUncaught));
  });
}

const PG_CHAR_OID = 18;
const PG_UUID_OID = 2950;

/**
 * The engine reads PostgreSQL's catalogs, which use the one-byte `"char"` type
 * (pg_class.relkind, pg_constraint.contype…), and expects Character columns
 * back. adapter-pg has no mapping for it ("Column type 'char' could not be
 * deserialized"), and reporting it as text makes the engine panic on the first
 * CHECK constraint (or on any table under PostgreSQL 18). So "char" columns are
 * relabelled uuid before adapter-pg reads the row description (values stay raw
 * strings) and reportCharColumns turns Uuid into Character: the engine only
 * reads catalogs and `_prisma_migrations`, which have no uuid columns. As the
 * pool's `Client` this covers every connection, transactions included.
 */
class CatalogFriendlyClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.connection.prependListener("rowDescription", (message: { fields: { dataTypeID: number }[] }) => {
      for (const field of message.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_UUID_OID;
    });
  }
}

function reportCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const columnTypes = result.columnTypes.map((type) => (type === ColumnTypeEnum.Uuid ? ColumnTypeEnum.Character : type));
    return { ...result, columnTypes };
  };
  return queryable;
}

async function connectPg(connectionString: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({
    connectionString,
    Client: CatalogFriendlyClient,
    max: 4,
    connectionTimeoutMillis: 10_000,
    allowExitOnIdle: true,
  });
  const adapter = reportCharColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => reportCharColumns(await startTransaction(isolationLevel));
  // adapter-pg splits scripts on every ";", which breaks on semicolons in string
  // literals or function bodies and runs the statements one by one. Like the
  // native engine, send a migration as one simple-protocol query: PostgreSQL
  // runs it as a single implicit transaction, all or nothing.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      const { code = "N/A", severity = "N/A", message, detail, column, hint } = error;
      throw new DriverAdapterError({ kind: "postgres", code, severity, message, detail, column, hint });
    }
  };
  return adapter;
}

/**
 * Not adapter-pg's own factory: its connectToShadowDb creates a database but
 * connects with the original connection string, which node-postgres prefers to
 * the database name, so the "shadow" replay would run against the real database.
 * This one creates the shadow database itself, checks the connection landed
 * there, and drops it afterwards.
 */
class AdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly cleanups = new Set<() => Promise<void>>();

  constructor(
    private readonly databaseUrl: string,
    private readonly shadowDatabaseUrl: string | undefined,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await connectPg(this.databaseUrl));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (this.shadowDatabaseUrl) return this.track(await connectPg(this.shadowDatabaseUrl));

    const name = `gloss_shadow_${randomBytes(8).toString("hex")}`;
    try {
      await runOn(this.databaseUrl, `CREATE DATABASE "${name}"`);
    } catch (error) {
      throw new Error(
        `This needs a temporary shadow database, and CREATE DATABASE failed on ${new URL(this.databaseUrl).host} (${messageOf(error)}).`,
        { cause: error },
      );
    }
    const drop = () => dropDatabase(this.databaseUrl, name);
    let adapter: SqlDriverAdapter;
    try {
      adapter = await connectPg(withDatabase(this.databaseUrl, name));
      const landed = (await adapter.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] })).rows[0]?.[0];
      if (landed !== name) {
        await adapter.dispose();
        throw new Error(`The shadow database connection reached "${String(landed)}", not "${name}"; refusing to replay migrations there.`);
      }
    } catch (error) {
      await drop();
      throw error;
    }
    return this.track(adapter, drop);
  }

  async closeAll(): Promise<void> {
    const pending = [...this.cleanups];
    this.cleanups.clear();
    const failure = (await Promise.allSettled(pending.map((cleanup) => cleanup()))).find(
      (result): result is PromiseRejectedResult => result.status === "rejected",
    );
    if (failure) throw failure.reason;
  }

  /** Makes dispose idempotent (the engine and closeAll may both call it) and runs `after` once the pool is closed. */
  private track(adapter: SqlDriverAdapter, after?: () => Promise<void>): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    const disposeOnce = once(async () => {
      this.cleanups.delete(disposeOnce);
      try {
        await dispose();
      } finally {
        await after?.();
      }
    });
    this.cleanups.add(disposeOnce);
    adapter.dispose = disposeOnce;
    return adapter;
  }
}

function once(run: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= run());
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function runOn(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  try {
    // FORCE (PostgreSQL 13+) also ends connections the engine left open.
    await runOn(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError) || error.code !== "42601") throw error;
    await runOn(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
