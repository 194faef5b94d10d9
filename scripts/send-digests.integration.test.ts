import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "@/tests/support/database";

const run = promisify(execFile);

describe("npm run notifications:digest", () => {
  // The script runs outside Next.js, where an import that only works inside its bundler breaks it.
  it("starts outside Next.js and sends what is waiting", async () => {
    const { stdout } = await run("npm", ["run", "--silent", "notifications:digest", "--", "--all"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/^Sent \d+ digests?\.$/m);
  }, 90_000);
});
