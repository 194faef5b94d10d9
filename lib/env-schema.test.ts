import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";

describe("parseEnv", () => {
  it("applies defaults and treats empty values as unset", () => {
    const parsed = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(parsed.ok && parsed.env.PORT).toBe(3000);
    expect(parsed.ok && parsed.env.DATABASE_URL).toBeUndefined();
  });

  it("names a malformed DATABASE_URL in one line", () => {
    const parsed = parseEnv({ DATABASE_URL: "mysql://nope" });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toBe("Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// URL with a host");
  });

  it("splits ADMIN_EMAILS and refuses a short AUTH_SECRET", () => {
    const parsed = parseEnv({ ADMIN_EMAILS: " A@x.io, b@y.io ,," });
    expect(parsed.ok && parsed.env.ADMIN_EMAILS).toEqual(["a@x.io", "b@y.io"]);
    const bad = parseEnv({ AUTH_SECRET: "short" });
    expect(!bad.ok && bad.message).toContain("AUTH_SECRET");
  });
});
