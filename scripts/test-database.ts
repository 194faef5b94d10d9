import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

export interface TestDatabase {
  url: string;
  /** PGlite: one session behind many sockets, so concurrent transactions interleave instead of isolating. */
  embedded: boolean;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** A PostgreSQL server URL; unset starts an in-memory embedded PostgreSQL. */
  serverUrl?: string;
  /** A fixed database name (replaced if it exists), so another process can find it. */
  name?: string;
  /** A fixed port for the embedded server, for the same reason. */
  embeddedPort?: number;
}

/**
 * A database of its own for one test run. With a server URL it creates a
 * database there and drops it afterwards; without, it starts an in-memory
 * embedded PostgreSQL that vanishes on stop.
 */
export async function provisionTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ port: options.embeddedPort ?? 0 });
    return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
  }
  const name = options.name ?? `gloss_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Bad test database name: ${name}`);
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return {
    url: databaseUrlOn(serverUrl, name),
    embedded: false,
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
