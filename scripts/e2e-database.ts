import { databaseUrlOn } from "./test-database.ts";

/**
 * Where the end-to-end server's database lives, computed the same way by the
 * server and by the tests (which check database state behind what they see).
 */
export function e2eDatabase(port: number) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = `gloss_e2e_${port}`;
  const embeddedPort = port + 1000;
  return {
    serverUrl,
    name,
    embeddedPort,
    url: serverUrl
      ? databaseUrlOn(serverUrl, name)
      : `postgresql://postgres:postgres@127.0.0.1:${embeddedPort}/postgres?sslmode=disable`,
  };
}
