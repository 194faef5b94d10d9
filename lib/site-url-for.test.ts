import { describe, expect, it } from "vitest";
import { siteUrlFor } from "./site-url-for";

const forged = new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });

describe("siteUrlFor", () => {
  it("uses APP_URL whatever the request says", () => {
    expect(siteUrlFor({ appUrl: "https://gloss.example.org", nodeEnv: "production", port: 3000, requestHeaders: forged }).origin).toBe("https://gloss.example.org");
  });

  it("never builds production links from the request's host headers", () => {
    expect(siteUrlFor({ nodeEnv: "production", port: 3100, requestHeaders: forged }).origin).toBe("http://localhost:3100");
  });

  it("follows the request's host in development", () => {
    expect(siteUrlFor({ nodeEnv: "development", port: 3000, requestHeaders: new Headers({ host: "laptop.local:3000" }) }).origin).toBe("http://laptop.local:3000");
    expect(siteUrlFor({ nodeEnv: "development", port: 3000, requestHeaders: forged }).origin).toBe("https://evil.example");
  });

  it("falls back to the local server outside a request or on a malformed host", () => {
    expect(siteUrlFor({ nodeEnv: "development", port: 3000, requestHeaders: null }).origin).toBe("http://localhost:3000");
    expect(siteUrlFor({ nodeEnv: "development", port: 3000, requestHeaders: new Headers({ host: "bad host" }) }).origin).toBe("http://localhost:3000");
  });
});
