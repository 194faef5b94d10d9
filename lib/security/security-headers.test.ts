import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, shouldSendHsts, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("builds a nonce CSP with no inline scripts, no plugins, no base URL and no framing", () => {
    const csp = contentSecurityPolicy("abc", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  });

  it("sends HSTS in production unless the site is declared plain http", () => {
    expect(shouldSendHsts({ nodeEnv: "production", appUrl: "https://gloss.example" })).toBe(true);
    expect(shouldSendHsts({ nodeEnv: "production" })).toBe(true);
    expect(shouldSendHsts({ nodeEnv: "production", appUrl: "http://localhost:3000" })).toBe(false);
    expect(shouldSendHsts({ nodeEnv: "development", appUrl: "https://gloss.example" })).toBe(false);
    expect(staticSecurityHeaders({ nodeEnv: "production", appUrl: "https://gloss.example" })["strict-transport-security"]).toMatch(/max-age=\d{8}/);
  });
});
