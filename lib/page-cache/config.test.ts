import { describe, expect, it } from "vitest";
import { anonymousCacheSeconds, internalOrigin } from "./config";

describe("anonymousCacheSeconds", () => {
  it("is 2 seconds in production unless set, and off elsewhere", () => {
    expect(anonymousCacheSeconds({ NODE_ENV: "production" })).toBe(2);
    expect(anonymousCacheSeconds({ NODE_ENV: "production", GLOSS_ANONYMOUS_CACHE_SECONDS: "0" })).toBe(0);
    expect(anonymousCacheSeconds({ NODE_ENV: "production", GLOSS_ANONYMOUS_CACHE_SECONDS: "10" })).toBe(10);
    expect(anonymousCacheSeconds({ NODE_ENV: "development", GLOSS_ANONYMOUS_CACHE_SECONDS: "10" })).toBe(0);
  });

  it("falls back to the default for a value it cannot use", () => {
    expect(anonymousCacheSeconds({ NODE_ENV: "production", GLOSS_ANONYMOUS_CACHE_SECONDS: "soon" })).toBe(2);
    expect(anonymousCacheSeconds({ NODE_ENV: "production", GLOSS_ANONYMOUS_CACHE_SECONDS: "-1" })).toBe(2);
  });
});

describe("internalOrigin", () => {
  it("is the configured origin, else loopback on the server's port", () => {
    expect(internalOrigin({ GLOSS_INTERNAL_ORIGIN: "http://10.0.0.5:8080" })).toBe("http://10.0.0.5:8080");
    expect(internalOrigin({ PORT: "3800" })).toBe("http://127.0.0.1:3800");
    expect(internalOrigin({})).toBe("http://127.0.0.1:3000");
  });
});
